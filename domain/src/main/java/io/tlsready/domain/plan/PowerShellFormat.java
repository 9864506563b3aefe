package io.tlsready.domain.plan;

import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes a plan as a PowerShell script that backs up every key it touches (reg export), supports -WhatIf,
 * refuses to run from 32-bit PowerShell on 64-bit Windows (registry redirection would write the wrong view,
 * rule book G9), and recomputes bit-OR values from what is on the host at run time.
 */
public final class PowerShellFormat {

    private PowerShellFormat() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("#Requires -RunAsAdministrator\r\n");
        sb.append("# tlsready fix for ").append(psComment(plan.host())).append("\r\n");
        sb.append("# Run: powershell -ExecutionPolicy Bypass -File .\\fix.ps1 [-WhatIf] [-BackupDir DIR]\r\n");
        sb.append("[CmdletBinding(SupportsShouldProcess = $true)]\r\n");
        sb.append("param([string]$BackupDir = (Join-Path $env:TEMP (\"tlsready-backup-\" + (Get-Date -Format yyyyMMdd-HHmmss))))\r\n");
        sb.append("$ErrorActionPreference = 'Stop'\r\n");
        sb.append("if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {\r\n");
        sb.append("    throw 'Run this script from 64-bit PowerShell: 32-bit PowerShell writes HKLM\\SOFTWARE into WOW6432Node.'\r\n");
        sb.append("}\r\n");
        for (UpdateRequirement u : plan.updates()) {
            sb.append("Write-Warning 'Also required: ").append(psString(u.kb() + " " + u.title() + " " + u.url()))
                    .append("'\r\n");
        }
        sb.append("function Set-TlsReadyDword([string]$Path, [string]$Name, [int]$Value) {\r\n");
        sb.append("    if ($PSCmdlet.ShouldProcess(\"$Path\\$Name\", ('set DWORD 0x{0:x8}' -f $Value))) {\r\n");
        sb.append("        if (-not (Test-Path -LiteralPath $Path)) { New-Item -Path $Path -Force | Out-Null }\r\n");
        sb.append("        New-ItemProperty -LiteralPath $Path -Name $Name -PropertyType DWord -Value $Value -Force | Out-Null\r\n");
        sb.append("    }\r\n");
        sb.append("}\r\n");
        Set<String> keys = new LinkedHashSet<>();
        plan.changes().forEach(c -> keys.add(c.ref().physicalKey()));
        if (!keys.isEmpty()) {
            sb.append("New-Item -ItemType Directory -Force -Path $BackupDir | Out-Null\r\n");
            int i = 0;
            for (String key : keys) {
                String file = String.format("backup-%02d.reg", ++i);
                sb.append("if (Test-Path -LiteralPath 'Registry::").append(psString(longRoot(key))).append("') {\r\n");
                sb.append("    & reg.exe export '").append(psString(key)).append("' (Join-Path $BackupDir '")
                        .append(file).append("') /y /reg:64 | Out-Null\r\n");
                sb.append("    if ($LASTEXITCODE -ne 0) { throw 'Backup of ").append(psString(key))
                        .append(" failed; nothing was changed.' }\r\n");
                sb.append("}\r\n");
            }
            sb.append("Write-Host \"Backup written to $BackupDir (restore with: reg import <file>)\"\r\n");
        }
        for (RegistryChange c : plan.changes()) {
            String path = "Registry::" + longRoot(c.ref().physicalKey());
            sb.append("# ").append(psComment(c.reason())).append("\r\n");
            if (c.operation() == RegistryChange.Operation.OR_BITS) {
                sb.append("$current = (Get-ItemProperty -LiteralPath '").append(psString(path))
                        .append("' -Name '").append(psString(c.ref().name()))
                        .append("' -ErrorAction SilentlyContinue).'").append(psString(c.ref().name())).append("'\r\n");
                // Absent at run time: write what the planner writes for an absent value, not the audited OR.
                sb.append("$value = if ($null -eq $current) { 0x")
                        .append(Long.toHexString(c.defaultWhenAbsent() | c.operand()))
                        .append(" } else { ([int]$current -band -bnot 0x").append(Long.toHexString(c.clearBits()))
                        .append(") -bor 0x").append(Long.toHexString(c.operand())).append(" }\r\n");
                sb.append("Set-TlsReadyDword '").append(psString(path)).append("' '").append(psString(c.ref().name()))
                        .append("' $value\r\n");
            } else {
                sb.append("Set-TlsReadyDword '").append(psString(path)).append("' '").append(psString(c.ref().name()))
                        .append("' ").append(c.after()).append("\r\n");
            }
        }
        for (String step : plan.manualSteps()) {
            sb.append("Write-Host '").append(psString(step)).append("'\r\n");
        }
        return sb.toString();
    }

    private static String longRoot(String key) {
        return io.tlsready.domain.facts.RegistryPaths.longForm(key);
    }

    private static String psString(String s) {
        return s.replace("'", "''");
    }

    private static String psComment(String s) {
        return s.replace("\r", " ").replace("\n", " ");
    }
}
