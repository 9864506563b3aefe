package io.tlsready.domain.plan;

import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.output.PowerShellText;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes a plan as a PowerShell script that backs up every key it touches (reg export), supports -WhatIf,
 * refuses to run from 32-bit PowerShell on 64-bit Windows (registry redirection would write the wrong view,
 * rule book G9), and recomputes bit-OR values from what is on the host at run time. Text that is not tlsready's
 * own is only ever a single-quoted literal ({@link PowerShellText#literal}) or a comment; text shown to the admin
 * (Write-Host, Write-Warning) is made {@link Visible} first.
 */
public final class PowerShellFormat {

    static final String REQUIRES_LINE = "#Requires -RunAsAdministrator";

    private PowerShellFormat() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Run: powershell -ExecutionPolicy Bypass -File .\\fix.ps1 [-WhatIf] [-BackupDir DIR]\r\n");
        sb.append("# Check it first with: tlsready plan --verify fix.ps1\r\n");
        sb.append("[CmdletBinding(SupportsShouldProcess = $true)]\r\n");
        sb.append("param([string]$BackupDir = (Join-Path $env:TEMP (\"tlsready-backup-\" + (Get-Date -Format yyyyMMdd-HHmmss))))\r\n");
        sb.append("$ErrorActionPreference = 'Stop'\r\n");
        sb.append("if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {\r\n");
        sb.append("    throw 'Run this script from 64-bit PowerShell: 32-bit PowerShell writes HKLM\\SOFTWARE into WOW6432Node.'\r\n");
        sb.append("}\r\n");
        for (UpdateRequirement u : plan.updates()) {
            sb.append("Write-Warning ").append(shown("Also required: " + u.kb() + " " + u.title() + " " + u.url()))
                    .append("\r\n");
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
                sb.append("if (Test-Path -LiteralPath ").append(key("Registry::" + RegistryPaths.longForm(key)))
                        .append(") {\r\n");
                sb.append("    & reg.exe export ").append(key(key)).append(" (Join-Path $BackupDir '")
                        .append(file).append("') /y /reg:64 | Out-Null\r\n");
                // The key goes into the message as its own literal: the message is shown, so it is made visible.
                sb.append("    if ($LASTEXITCODE -ne 0) { throw ").append(shown("Backup of " + key + " failed; nothing was changed."))
                        .append(" }\r\n");
                sb.append("}\r\n");
            }
            sb.append("Write-Host \"Backup written to $BackupDir (restore with: reg import <file>)\"\r\n");
        }
        for (RegistryChange c : plan.changes()) {
            String path = key("Registry::" + RegistryPaths.longForm(c.ref().physicalKey()));
            String name = PowerShellText.literal("value name", c.ref().name());
            sb.append("# ").append(PowerShellText.comment(c.reason())).append("\r\n");
            if (c.operation() == RegistryChange.Operation.OR_BITS) {
                sb.append("$current = (Get-ItemProperty -LiteralPath ").append(path).append(" -Name ").append(name)
                        .append(" -ErrorAction SilentlyContinue).").append(name).append("\r\n");
                // Absent at run time: write what the planner writes for an absent value, not the audited OR.
                sb.append("$value = if ($null -eq $current) { 0x")
                        .append(Long.toHexString(c.defaultWhenAbsent() | c.operand()))
                        .append(" } else { ([int]$current -band -bnot 0x").append(Long.toHexString(c.clearBits()))
                        .append(") -bor 0x").append(Long.toHexString(c.operand())).append(" }\r\n");
                sb.append("Set-TlsReadyDword ").append(path).append(' ').append(name).append(" $value\r\n");
            } else {
                sb.append("Set-TlsReadyDword ").append(path).append(' ').append(name).append(' ').append(c.after())
                        .append("\r\n");
            }
        }
        for (String step : plan.manualSteps()) {
            sb.append("Write-Host ").append(shown(step)).append("\r\n");
        }
        return PlanHeader.wrap(REQUIRES_LINE, "#", plan.host(), plan.rules(), sb.toString());
    }

    /**
     * UTF-8 with a BOM. Without one, Windows PowerShell 5.1 reads a script in the ANSI code page, where the UTF-8
     * bytes of a character such as U+0451 include 0x91, which cp1252 reads as U+2018: a quote that ends a literal.
     */
    public static byte[] bytes(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(text(plan).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String key(String path) {
        return PowerShellText.literal("registry key", path);
    }

    private static String shown(String text) {
        return PowerShellText.literal("message", Visible.of(text));
    }
}
