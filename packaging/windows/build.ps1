# Windows downloads: the installer (Inno Setup) and a portable .zip. NOT TESTED here (written on Linux);
# .github/workflows/release.yml runs it on a Windows runner with Python 3.11 and Inno Setup 6 (iscc on PATH).
# Usage, from the checkout:  powershell -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
python -m venv .venv
.venv\Scripts\python -m pip install --quiet -e ".[dev]"
$version = .venv\Scripts\python -c "import reader; print(reader.__version__)"
Write-Host "1/5 search index"
.venv\Scripts\field-reader index build
Write-Host "2/5 first start prepared"
.venv\Scripts\python packaging\prepare_first_start.py build\prepared | Out-Null
Write-Host "3/5 one-folder bundle"
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\field-reader.spec
$env:READER_DATA_DIR = Join-Path $env:TEMP "field-reader-smoke"
$env:QT_QPA_PLATFORM = "offscreen"
& dist\field-reader\field-reader.exe --exit-after-start
if ($LASTEXITCODE -ne 0) { throw "the frozen app did not start" }
Remove-Item Env:READER_DATA_DIR, Env:QT_QPA_PLATFORM
Write-Host "4/5 installer"
iscc /Q "/DAppVersion=$version" "/DSourceDir=$PWD\dist\field-reader" "/DOutputDir=$PWD\dist" packaging\windows\field-reader.iss
Write-Host "5/5 portable zip (with the 'portable' file: notes stay in data\ beside the program)"
$portable = "build\field-reader-$version-windows-x64-portable"
if (Test-Path $portable) { Remove-Item -Recurse -Force $portable }
Copy-Item -Recurse dist\field-reader $portable
New-Item -ItemType File (Join-Path $portable "portable") | Out-Null
Copy-Item packaging\README-download.txt (Join-Path $portable "README.txt")
Compress-Archive -Path $portable -DestinationPath "dist\field-reader-$version-windows-x64-portable.zip" -CompressionLevel Optimal -Force
