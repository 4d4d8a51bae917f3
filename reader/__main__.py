"""Entry point: `python -m reader` and the `field-reader` command."""

import sys


def main() -> int:
    from reader.cli.main import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
