; Inno Setup script for the Windows installer: Field Reader-<version>-windows-x64-setup.exe
; NOT TESTED: written on Linux, where it cannot run. .github/workflows/release.yml runs it on a Windows runner:
;   iscc /DAppVersion=<version> /DSourceDir=..\..\dist\field-reader /DOutputDir=..\..\dist packaging\windows\field-reader.iss
; The version comes from reader/__init__.py (the one source), passed in by packaging/windows/build.ps1.
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/windows/build.ps1 does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\field-reader"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6F1D3C52-3B7A-4C1E-9E55-7A0F5D2B8C41}
AppName=Field Reader
AppVersion={#AppVersion}
AppPublisher=Field Reader contributors
DefaultDirName={autopf}\Field Reader
DefaultGroupName=Field Reader
; Per-user by default (no administrator needed); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=field-reader-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Field Reader {#AppVersion}
; The notes live in the user's AppData folder and are kept on uninstall (the reader erases them from the app).

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The one-folder bundle made by PyInstaller from packaging/field-reader.spec (no `portable` file: installed copies
; keep notes in the user's folders).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "portable,data\*"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Field Reader"; Filename: "{app}\field-reader.exe"
Name: "{group}\Uninstall Field Reader"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Field Reader"; Filename: "{app}\field-reader.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\field-reader.exe"; Description: "{cm:LaunchProgram,Field Reader}"; Flags: nowait postinstall skipifsilent
