package io.tlsready.adapters.winrm.ntlm;

/**
 * NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1), client to server. Domain and workstation are OEM strings, sent only with
 * NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED / _WORKSTATION_SUPPLIED; this client sends neither (3.1.5.1.1).
 *
 * @param flags the NegotiateFlags the client offers
 * @param domain the OEM domain name, empty when not supplied
 * @param workstation the OEM workstation name, empty when not supplied
 * @param version the VERSION, or {@link NtlmVersion#ZERO} when NTLMSSP_NEGOTIATE_VERSION is not set
 */
public record NegotiateMessage(int flags, String domain, String workstation, NtlmVersion version) {

    static final int MESSAGE_TYPE = 1;
    private static final int FIXED_HEADER = 32;
    private static final int HEADER_WITH_VERSION = FIXED_HEADER + NtlmVersion.LENGTH;

    public NegotiateMessage {
        domain = domain == null ? "" : domain;
        workstation = workstation == null ? "" : workstation;
        version = version == null ? NtlmVersion.ZERO : version;
    }

    public byte[] encode() {
        byte[] domainBytes = Wire.encodeString(domain, false);
        byte[] workstationBytes = Wire.encodeString(workstation, false);
        Wire.Writer writer = new Wire.Writer().bytes(Wire.SIGNATURE).u32(MESSAGE_TYPE).u32(flags);
        int next = writer.field(domainBytes, HEADER_WITH_VERSION);
        writer.field(workstationBytes, next);
        version.write(writer);
        return writer.bytes(domainBytes).bytes(workstationBytes).toByteArray();
    }

    /** Parses a NEGOTIATE_MESSAGE; anything malformed is an {@link NtlmException}. */
    public static NegotiateMessage decode(byte[] token) {
        WireReader reader = Wire.open(token, MESSAGE_TYPE, "NEGOTIATE_MESSAGE", FIXED_HEADER);
        int flags = reader.u32(12, "NegotiateFlags");
        String domain = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_OEM_DOMAIN_SUPPLIED)
                ? reader.string(16, "DomainName", false) : "";
        String workstation = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_OEM_WORKSTATION_SUPPLIED)
                ? reader.string(24, "WorkstationName", false) : "";
        long headerEnd = Math.min(Math.min(reader.payloadStart(16, "DomainName"),
                reader.payloadStart(24, "WorkstationName")), reader.length());
        NtlmVersion version = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_VERSION)
                && headerEnd >= HEADER_WITH_VERSION ? NtlmVersion.read(reader, FIXED_HEADER) : NtlmVersion.ZERO;
        return new NegotiateMessage(flags, domain, workstation, version);
    }

    @Override
    public String toString() {
        return "NEGOTIATE_MESSAGE[flags=" + NegotiateFlags.describe(flags) + ", version=" + version + "]";
    }
}
