package io.tlsready.domain.rules;

/** The rule book's sources (rulebook.md §0), cited by every finding. */
public enum Source {
    S1("Azure Backup: Transport Layer Security", "https://learn.microsoft.com/azure/backup/transport-layer-security"),
    S2("Protocols in TLS/SSL (Schannel SSP)",
            "https://learn.microsoft.com/windows/win32/secauthn/protocols-in-tls-ssl--schannel-ssp-"),
    S3("TLS registry settings", "https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings"),
    S4("Transport Layer Security (TLS) best practices with the .NET Framework",
            "https://learn.microsoft.com/dotnet/framework/network-programming/tls"),
    S5("How to determine which .NET Framework versions are installed",
            "https://learn.microsoft.com/dotnet/framework/install/how-to-determine-which-versions-are-installed"),
    S6("Configuration Manager: enable TLS 1.2 on clients",
            "https://learn.microsoft.com/mem/configmgr/core/plan-design/security/enable-tls-1-2-client"),
    S7("KB3140245: TLS 1.1 and 1.2 as default secure protocols in WinHTTP",
            "https://support.microsoft.com/help/3140245"),
    S8("KB4022913: Azure Backup agent issues when disabling TLS 1.0", "https://support.microsoft.com/help/4022913"),
    S10("MARS agent support matrix", "https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent"),
    S11("Troubleshoot the MARS agent", "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"),
    S12("Azure DevOps TLS 1.2 readiness checker", "https://github.com/microsoft/azure-devops-tls12"),
    S15("TLS 1.0 and 1.1 deprecation in Windows",
            "https://learn.microsoft.com/windows/win32/secauthn/tls-10-11-deprecation-in-windows"),
    S17("Applications forcibly closed TLS connection errors (KB4557473)",
            "https://learn.microsoft.com/troubleshoot/windows-server/identity/apps-forcibly-closed-tls-connection-errors"),
    S18("Windows Server 2008 build number changing to 6003",
            "https://support.microsoft.com/help/4489887"),
    S19("Operating system version", "https://learn.microsoft.com/windows/win32/sysinfo/operating-system-version"),
    S20("Registry redirector", "https://learn.microsoft.com/windows/win32/winprog64/registry-redirector"),
    S21("SChannelDsc", "https://github.com/dsccommunity/SChannelDsc"),
    S23("KB4019276: TLS 1.1 and 1.2 in Windows Server 2008 SP2", "https://support.microsoft.com/help/4019276");

    private final String title;
    private final String url;

    Source(String title, String url) {
        this.title = title;
        this.url = url;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    /** "[S1] title <url>" */
    public String cite() {
        return "[" + name() + "] " + title + " <" + url + ">";
    }
}
