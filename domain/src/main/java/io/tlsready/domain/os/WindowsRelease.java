package io.tlsready.domain.os;

/** The Windows releases the rule book distinguishes (rule book §1a version table). */
public enum WindowsRelease {
    WINDOWS_XP("Windows XP"),
    SERVER_2003("Windows Server 2003"),
    VISTA("Windows Vista"),
    SERVER_2008("Windows Server 2008"),
    WINDOWS_7("Windows 7"),
    SERVER_2008_R2("Windows Server 2008 R2"),
    WINDOWS_8("Windows 8"),
    SERVER_2012("Windows Server 2012"),
    WINDOWS_8_1("Windows 8.1"),
    SERVER_2012_R2("Windows Server 2012 R2"),
    WINDOWS_10("Windows 10"),
    WINDOWS_11("Windows 11"),
    SERVER_2016("Windows Server 2016"),
    SERVER_2019("Windows Server 2019"),
    SERVER_2022("Windows Server 2022"),
    SERVER_2025("Windows Server 2025"),
    /** Semi-annual / annual channel server builds (1709 … 23H2) that are not an LTSC release. */
    SERVER_ANNUAL_CHANNEL("Windows Server (annual channel)"),
    /** NT version known, workstation vs server not: several pairs share a build (G1). */
    CLIENT_OR_SERVER("Windows (client or server)");

    private final String displayName;

    WindowsRelease(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
