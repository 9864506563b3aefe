@echo off
rem tlsready evidence collection with built-in tools only (reg.exe, systeminfo, PowerShell Get-HotFix).
rem Run from an elevated cmd.exe on the host:   collect-evidence.cmd [OUTDIR]
rem Copy OUTDIR to a machine with tlsready and run:   tlsready audit --snapshot OUTDIR\*
rem A "unable to find the specified registry key" line means that key does not exist on this host (fine).
setlocal
set "OUT=%~1"
if "%OUT%"=="" set "OUT=%COMPUTERNAME%-tlsready"
if not exist "%OUT%" mkdir "%OUT%"
rem reg.exe /reg:64 reads the 64-bit view even from a 32-bit prompt; WOW6432Node paths name the 32-bit view.
reg export "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" "%OUT%\currentversion.reg" /y /reg:64
reg export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL" "%OUT%\schannel.reg" /y /reg:64
reg export "HKLM\SYSTEM\CurrentControlSet\Control\ProductOptions" "%OUT%\productoptions.reg" /y /reg:64
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "%OUT%\environment.reg" /y /reg:64
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy" "%OUT%\fips.reg" /y /reg:64
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\Default\00010002" "%OUT%\ciphers-local.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Policies" "%OUT%\policies.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\.NETFramework" "%OUT%\netfx.reg" /y /reg:64
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework" "%OUT%\netfx-wow64.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP" "%OUT%\ndp.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings" "%OUT%\internet-settings.reg" /y /reg:64
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings" "%OUT%\internet-settings-wow64.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\Windows Azure Backup" "%OUT%\mars.reg" /y /reg:64
rem Machine root stores (AZURE_ROOT_CAS); Policies\...\SystemCertificates is in policies.reg.
reg export "HKLM\SOFTWARE\Microsoft\SystemCertificates\ROOT" "%OUT%\roots.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\SystemCertificates\AuthRoot" "%OUT%\authroots.reg" /y /reg:64
reg export "HKLM\SOFTWARE\Microsoft\EnterpriseCertificates" "%OUT%\enterprise-certs.reg" /y /reg:64
systeminfo > "%OUT%\systeminfo.txt"
rem Get-HotFix as CSV (wmic is gone from new Windows; an empty file would be unreadable evidence).
powershell -NoProfile -Command "Get-HotFix | Export-Csv -NoTypeInformation -Encoding UTF8 -Path '%OUT%\hotfix.csv'" 2>nul
echo Evidence written to %OUT%
endlocal
