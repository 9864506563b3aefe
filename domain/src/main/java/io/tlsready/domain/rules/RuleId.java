package io.tlsready.domain.rules;

/** Stable rule ids (design.md): used in reports, docs, tests and scripts. Core rules decide the verdict. */
public enum RuleId {
    OS_SUPPORTED(true),
    OS_TLS12_UPDATE(true),
    SCHANNEL_TLS12_CLIENT(true),
    WINHTTP_DEFAULT_SECURE_PROTOCOLS(true),
    NETFX_VERSION(true),
    NETFX_STRONG_CRYPTO(true),
    NETFX35_STRONG_CRYPTO(false),
    SCHANNEL_TLS12_SERVER(false),
    SCHANNEL_LEGACY_ENABLED_VALUE(false),
    FIPS_POLICY(false),
    CIPHER_SUITES(false),
    KEY_EXCHANGE(false),
    DHE_LEADING_ZERO(false),
    MARS_AGENT(false),
    AZURE_ROOT_CAS(false);

    private final boolean core;

    RuleId(boolean core) {
        this.core = core;
    }

    /** Core rules come from the Azure Backup article; their UNKNOWN makes the verdict UNKNOWN. */
    public boolean core() {
        return core;
    }
}
