# Two commands for a fresh machine:  `make run`  starts the app,  `make test`  runs every test.
# `make package` builds the downloads into dist/ (packaging/build.sh), `make smoke` checks them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PREPARED := prepared/.made
SOURCES := $(shell find reader content -type f -not -path '*/__pycache__/*')

.PHONY: run test lint system-deps index benchmark package package-deps smoke clean translations

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Qt's runtime libraries, when a bare Debian/Ubuntu machine lacks them (needs root or sudo).
system-deps:
	@missing=; for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0 libfontconfig.so.1 \
		libdbus-1.so.3 libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1; do \
		ldconfig -p | grep -q "$$lib" || missing=yes; done; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing=yes; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		echo "Installing Qt's system libraries with apt-get..."; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
			libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
			libxcb-randr0 libxcb-render-util0 libxcb-image0 python3-venv python3-pip >/dev/null; \
	fi

# A checkout's first start as quick as a later one: the project's bytecode compiled, and the parsed report, the
# rendered page and shiboken6's start-up code compiled (reader/shiboken_code_cache.py) prepared in prepared/, which
# the app reads as the download reads its own (only ever read; each file is named by the content's checksum and the
# renderer's version, or holds the source it was compiled from, so a stale one is never used). Made again whenever a
# source, the content or the installed packages change.
$(PREPARED): $(STAMP) $(SOURCES) packaging/prepare_first_start.py
	$(BIN)/python -m compileall -q reader
	rm -rf prepared
	$(BIN)/python packaging/prepare_first_start.py prepared >/dev/null
	touch $@

run: $(PREPARED)
	$(BIN)/field-reader

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

index: $(STAMP)
	$(BIN)/field-reader index build

# The interface's Arabic: collect new strings into reader/translations/field_reader_ar.ts, compile the .qm.
translations: $(STAMP)
	BIN=$(BIN) resources/translations/update.sh

benchmark: $(PREPARED)
	$(BIN)/python benchmarks/startup.py

# Packaging tools on a bare Debian/Ubuntu machine: dpkg-deb, and icupkg with a C compiler to trim ICU's data.
package-deps:
	@if ! { command -v icupkg && command -v cc && command -v dpkg-deb && command -v xz; } >/dev/null \
		&& command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -qq icu-devtools gcc dpkg xz-utils >/dev/null; \
	fi

package: $(STAMP) package-deps
	packaging/build.sh

smoke:
	packaging/smoke_test.sh

clean:
	rm -rf $(VENV) build dist prepared
