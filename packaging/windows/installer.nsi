; Agent Desktop: per-user Windows installer (NSIS 3, amd64, Unicode, MUI2, French + English).
;
;   makensis -DVERSION=0.1.0 [-DPAYLOAD=..\..\dist\agent-desktop] [-DOUTDIR=..\..\dist]
;            [-DICON=..\..\build\pyinstaller\agent_desktop\icons\agent_desktop.ico] packaging\windows\installer.nsi
;
; PAYLOAD is the PyInstaller one-folder bundle (./dev package). The installer needs no
; administrator rights: it installs under %LOCALAPPDATA%\Programs and writes only HKCU.
;
; Silent use (IT deployment):
;   agent-desktop-VERSION-setup-x64.exe /S [/NODESKTOP] [/D=C:\path\without\quotes]
;   uninstall.exe /S [/REMOVEDATA]
; The uninstaller keeps the user's settings, history and logs unless "Remove my data" is
; ticked or /REMOVEDATA is given. Secrets in the Windows Credential Manager are left alone.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "pass the application version: makensis -DVERSION=1.2.3 installer.nsi"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\agent-desktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif

!define APP_NAME "Agent Desktop"
!define APP_ID "agent_desktop"
!define PUBLISHER "agent_desktop"
!define EXE "agent-desktop.exe"
!define APP_KEY "Software\${APP_ID}"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; platformdirs' user dirs on Windows: %LOCALAPPDATA%\<author>\<app> (config, data, cache, logs)
!define USER_DATA "$LOCALAPPDATA\${APP_ID}\${APP_ID}"

; "1.2.3" or "1.2.3.dev4" -> 1.2.3.0 for the file's version resource
!searchparse /noerrors "${VERSION}.0.0" "" V_MAJOR "." V_MINOR "." V_PATCH "."
!searchparse /noerrors "${V_PATCH}+" "" V_PATCH_NUM "+"
!searchparse /noerrors "${V_PATCH_NUM}d" "" V_PATCH_NUM2 "d"
!define FILE_VERSION "${V_MAJOR}.${V_MINOR}.${V_PATCH_NUM2}.0"
!echo "Agent Desktop ${VERSION} (file version ${FILE_VERSION})"

Name "${APP_NAME}"
OutFile "${OUTDIR}\agent-desktop-${VERSION}-setup-x64.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${FILE_VERSION}"
VIFileVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT licence; Qt under the LGPL v3"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_UNCOMPONENTSPAGE_NODESC
; remember the language chosen at install time for the uninstaller and upgrades
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_APP ${LANG_ENGLISH} "Agent Desktop (required)"
LangString SEC_APP ${LANG_FRENCH} "Agent Desktop (obligatoire)"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_DESKTOP ${LANG_FRENCH} "Raccourci sur le Bureau"
LangString SEC_UN_APP ${LANG_ENGLISH} "Program files, shortcuts and registry entries"
LangString SEC_UN_APP ${LANG_FRENCH} "Fichiers du programme, raccourcis et entrées du Registre"
LangString SEC_UN_DATA ${LANG_ENGLISH} "Remove my settings, history and logs"
LangString SEC_UN_DATA ${LANG_FRENCH} "Supprimer mes paramètres, mon historique et mes journaux"

; ---------------------------------------------------------------------------------------
Section "!$(SEC_APP)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; an upgrade must not keep libraries the new version no longer ships
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Function .onInit
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  ; /NODESKTOP: no desktop shortcut (for silent installs; the page has a checkbox)
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------
Section "!un.$(SEC_UN_APP)" SecUnApp
  SectionIn RO
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; only what the installer put there: never RMDir /r a folder the user may have chosen
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
SectionEnd

Section /o "un.$(SEC_UN_DATA)" SecUnData
  RMDir /r "${USER_DATA}"
  RMDir "$LOCALAPPDATA\${APP_ID}"
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecUnData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
