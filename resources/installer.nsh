; Included by electron-builder's NSIS installer (nsis.include in electron-builder.config.ts).
;
; A per-machine installation ("Anyone who uses this computer", or /allusers) creates the
; machine-wide configuration folder, %ProgramData%\License Manager, which the app reads before
; the config.json installed with it (src/main/engine/config-location.ts, docs/packaging.md).
; %ProgramData% lets every user create folders and files in it, so a folder no administrator
; made could hold a configuration a user wrote: the folder, and anything already in it, is
; given to Administrators, with inherited rights removed: Administrators and SYSTEM may change
; it, Users may only read it. A per-user installation cannot do this and does not try.
; Uninstalling leaves the folder and the configuration in it.

!macro customInstall
  ${if} $installMode == "all"
    SetShellVarContext all
    CreateDirectory "$APPDATA\License Manager"
    ; *S-1-5-32-544 Administrators, *S-1-5-18 SYSTEM, *S-1-5-32-545 Users: names that do not depend on the system's language.
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\License Manager" /setowner *S-1-5-32-544 /T /C /Q'
    Pop $0
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\License Manager" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /T /C /Q'
    Pop $0
  ${endif}
!macroend
