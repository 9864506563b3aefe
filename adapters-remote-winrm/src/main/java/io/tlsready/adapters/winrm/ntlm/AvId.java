package io.tlsready.adapters.winrm.ntlm;

/** The AV_PAIR identifiers (MS-NLMP 2.2.2.1). */
public enum AvId {
    MSV_AV_EOL(0x0000),
    MSV_AV_NB_COMPUTER_NAME(0x0001),
    MSV_AV_NB_DOMAIN_NAME(0x0002),
    MSV_AV_DNS_COMPUTER_NAME(0x0003),
    MSV_AV_DNS_DOMAIN_NAME(0x0004),
    MSV_AV_DNS_TREE_NAME(0x0005),
    /** 32-bit flags; see {@link #FLAG_MIC_PRESENT}. */
    MSV_AV_FLAGS(0x0006),
    /** FILETIME, 8 bytes. */
    MSV_AV_TIMESTAMP(0x0007),
    MSV_AV_SINGLE_HOST(0x0008),
    MSV_AV_TARGET_NAME(0x0009),
    /** MD5 of a gss_channel_bindings_struct, 16 bytes. */
    MSV_AV_CHANNEL_BINDINGS(0x000A);

    /** MsvAvFlags bit 0x2: the AUTHENTICATE_MESSAGE carries a MIC. */
    public static final int FLAG_MIC_PRESENT = 0x00000002;
    /** MsvAvFlags bit 0x4: the target SPN came from an untrusted source. */
    public static final int FLAG_UNVERIFIED_TARGET = 0x00000004;

    private final int code;

    AvId(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True for the AV pairs whose value is a Unicode string. */
    boolean isString() {
        return code >= 1 && code <= 5 || code == 9;
    }

    /** The fixed value length this id requires, or -1 when variable. */
    int fixedLength() {
        switch (this) {
            case MSV_AV_EOL:
                return 0;
            case MSV_AV_FLAGS:
                return 4;
            case MSV_AV_TIMESTAMP:
                return 8;
            case MSV_AV_CHANNEL_BINDINGS:
                return 16;
            default:
                return -1;
        }
    }

    /** The id for a wire code, or null when unknown (unknown pairs are kept verbatim). */
    static AvId of(int code) {
        for (AvId id : values()) {
            if (id.code == code) {
                return id;
            }
        }
        return null;
    }
}
