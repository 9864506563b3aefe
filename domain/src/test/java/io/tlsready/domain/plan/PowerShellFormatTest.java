package io.tlsready.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The .ps1 fix: 64-bit guard (G9), backup via reg export before any write, -WhatIf, safe quoting. */
class PowerShellFormatTest {

    private static final String CLIENT = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
    private static final String WINHTTP = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";

    private static Plan plan() {
        return new Plan("fs01", List.of(), List.of(
                RegistryChange.set(ValueRef.of(CLIENT, "Enabled"), 1, Optional.of(0L), "SChannel TLS 1.2: Enabled=1"),
                RegistryChange.orBits(ValueRef.wow32(WINHTTP, "DefaultSecureProtocols"), 0x800, Optional.of(0xA0L), 0xAA0,
                        "WinHTTP: add 0x800")),
                List.of(new UpdateRequirement("KB3140245", "WinHTTP update", "https://support.microsoft.com/help/3140245", "qfe")),
                List.of("Restart the host"));
    }

    @Test
    void it_refuses_to_run_from32_bit_power_shell_on64_bit_windows() {
        String ps = PowerShellFormat.text(plan());

        assertThat(ps).contains("if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {")
                .containsPattern("Is64BitProcess\\) \\{\r\n    throw ");
        assertThat(ps.indexOf("Is64BitProcess")).isLessThan(ps.indexOf("reg.exe export"));
    }

    @Test
    void it_backs_up_every_touched_key_with_reg_export_before_the_first_write() {
        String ps = PowerShellFormat.text(plan());

        int firstWrite = ps.indexOf("\r\nSet-TlsReadyDword ");
        assertThat(firstWrite).isPositive();
        assertThat(ps.indexOf("& reg.exe export '" + CLIENT + "'")).isBetween(0, firstWrite);
        assertThat(ps.indexOf("& reg.exe export 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp'"))
                .isBetween(0, firstWrite);
        assertThat(ps).contains("if ($LASTEXITCODE -ne 0) { throw 'Backup of ");
        assertThat(ps.substring(0, firstWrite)).doesNotContain("New-ItemProperty -LiteralPath 'Registry::");
    }

    @Test
    void it_supports_what_if_through_should_process() {
        String ps = PowerShellFormat.text(plan());

        assertThat(ps).contains("[CmdletBinding(SupportsShouldProcess = $true)]").contains("$PSCmdlet.ShouldProcess(")
                .contains("-WhatIf");
        assertThat(ps.indexOf("New-ItemProperty")).isGreaterThan(ps.indexOf("ShouldProcess("));
    }

    @Test
    void cmdlet_binding_is_the_first_statement_after_comments() {
        String ps = PowerShellFormat.text(plan());
        String beforeBinding = ps.substring(0, ps.indexOf("[CmdletBinding"));

        assertThat(beforeBinding.split("\r\n")).allSatisfy(line -> assertThat(line).startsWith("#"));
    }

    @Test
    void writes_use_the_registry_provider_with_the_long_root_and_wow6432_node_spelled_out() {
        String ps = PowerShellFormat.text(plan());

        assertThat(ps).contains("Set-TlsReadyDword 'Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control"
                + "\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' 'Enabled' 1");
        assertThat(ps).contains("'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion"
                + "\\Internet Settings\\WinHttp'");
    }

    @Test
    void or_bits_are_recomputed_from_the_host_at_run_time() {
        String ps = PowerShellFormat.text(plan());

        assertThat(ps).contains("-bor 0x800").contains("if ($null -eq $current) { 0xaa0 }");
    }

    @Test
    void single_quotes_are_doubled_inside_single_quoted_strings() {
        Plan p = new Plan("o'brien", List.of(), List.of(RegistryChange.set(ValueRef.of("HKLM\\SOFTWARE\\Vendor's App", "It's"), 1,
                Optional.empty(), "reason")), List.of(), List.of("Don't forget to restart"));

        String ps = PowerShellFormat.text(p);

        assertThat(ps).contains("'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor''s App' 'It''s' 1")
                .contains("Write-Host 'Don''t forget to restart'")
                .contains("& reg.exe export 'HKLM\\SOFTWARE\\Vendor''s App'");
        assertThat(ps).doesNotContainPattern("[^']'s App'");
    }

    @Test
    void a_newline_in_a_reason_cannot_break_out_of_its_comment() {
        Plan p = new Plan("h", List.of(), List.of(RegistryChange.set(ValueRef.of(CLIENT, "Enabled"), 1, Optional.empty(),
                "line one\r\nRemove-Item C:\\")), List.of(), List.of());

        assertThat(PowerShellFormat.text(p)).doesNotContain("\r\nRemove-Item");
    }

    @Test
    void required_updates_are_warned_about_not_downloaded() {
        String ps = PowerShellFormat.text(plan());

        assertThat(ps).contains("Write-Warning 'Also required: KB3140245").doesNotContain("Invoke-WebRequest")
                .doesNotContain("Start-BitsTransfer");
    }
}
