package io.tlsready.adapters.winrm.ntlm;

/**
 * The VERSION structure (MS-NLMP 2.2.2.10): operating system version, for debugging only; it never affects
 * message processing.
 *
 * @param major ProductMajorVersion (0..255)
 * @param minor ProductMinorVersion (0..255)
 * @param build ProductBuild (0..65535)
 * @param revision NTLMRevisionCurrent, normally {@link #NTLMSSP_REVISION_W2K3}
 */
public record NtlmVersion(int major, int minor, int build, int revision) {

    /** NTLMSSP_REVISION_W2K3: version 15 of the NTLMSSP. */
    public static final int NTLMSSP_REVISION_W2K3 = 0x0F;
    /** Length on the wire. */
    public static final int LENGTH = 8;
    /** The version this implementation announces by default: Windows 10.0 build 20348 (Server 2022). */
    public static final NtlmVersion DEFAULT = new NtlmVersion(10, 0, 20348, NTLMSSP_REVISION_W2K3);
    /** All zero, as sent when NTLMSSP_NEGOTIATE_VERSION is not set. */
    public static final NtlmVersion ZERO = new NtlmVersion(0, 0, 0, 0);

    public NtlmVersion {
        if ((major & ~0xff) != 0 || (minor & ~0xff) != 0 || (build & ~0xffff) != 0 || (revision & ~0xff) != 0) {
            throw new IllegalArgumentException("version fields out of range");
        }
    }

    static NtlmVersion read(WireReader reader, int offset) {
        return new NtlmVersion(reader.u8(offset, "Version"), reader.u8(offset + 1, "Version"),
                reader.u16(offset + 2, "Version"), reader.u8(offset + 7, "Version"));
    }

    void write(Wire.Writer writer) {
        writer.u8(major).u8(minor).u16(build).zeros(3).u8(revision);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + " rev " + revision;
    }
}
