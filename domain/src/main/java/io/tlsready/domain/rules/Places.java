package io.tlsready.domain.rules;

/** The registry places the rule book reads, spelled once. Sources of each path are cited by the rules. */
public final class Places {

    public static final String SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    public static final String TLS12_CLIENT = SCHANNEL + "\\Protocols\\TLS 1.2\\Client";
    public static final String TLS12_SERVER = SCHANNEL + "\\Protocols\\TLS 1.2\\Server";
    public static final String KEX_DH = SCHANNEL + "\\KeyExchangeAlgorithms\\Diffie-Hellman";
    public static final String KEX_ECDH = SCHANNEL + "\\KeyExchangeAlgorithms\\ECDH";
    public static final String WINHTTP =
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    public static final String NETFX4 = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    public static final String NETFX2 = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727";
    public static final String NDP4_FULL = "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full";
    public static final String NDP35 = "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5";
    public static final String FIPS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy";
    public static final String CIPHER_POLICY =
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002";
    public static final String CIPHER_LOCAL =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\Default\\00010002";
    /** Machine root stores whose {@code Certificates\<SHA-1 thumbprint>} subkeys are trusted roots (R12). */
    public static final String ROOT_STORE = "HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\ROOT";
    public static final String AUTHROOT_STORE = "HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\AuthRoot";
    public static final String POLICY_ROOT_STORE = "HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\Root";
    public static final String ENTERPRISE_ROOT_STORE = "HKLM\\SOFTWARE\\Microsoft\\EnterpriseCertificates\\Root";
    /** Group Policy "Turn off Automatic Root Certificates Update": DisableRootAutoUpdate=1. */
    public static final String AUTHROOT_POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot";
    public static final String MARS_SETUP = "HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup";

    private Places() {
    }
}
