package io.tlsready.adapters.winrm.ntlm;

import java.util.ArrayList;
import java.util.List;

/** The NEGOTIATE flag bits (MS-NLMP 2.2.2.5) this implementation reads or writes. */
public final class NegotiateFlags {

    /** A: Unicode (UTF-16LE) strings. */
    public static final int NEGOTIATE_UNICODE = 0x00000001;
    /** B: OEM character set strings. */
    public static final int NEGOTIATE_OEM = 0x00000002;
    /** C: the CHALLENGE must carry a TargetName. */
    public static final int REQUEST_TARGET = 0x00000004;
    /** D: message integrity. */
    public static final int NEGOTIATE_SIGN = 0x00000010;
    /** E: message confidentiality. */
    public static final int NEGOTIATE_SEAL = 0x00000020;
    /** G: LAN Manager session key (never used here). */
    public static final int NEGOTIATE_LM_KEY = 0x00000080;
    /** H: NTLM (v1 session security framework; always set). */
    public static final int NEGOTIATE_NTLM = 0x00000200;
    /** K: the NEGOTIATE carries a domain name. */
    public static final int NEGOTIATE_OEM_DOMAIN_SUPPLIED = 0x00001000;
    /** L: the NEGOTIATE carries a workstation name. */
    public static final int NEGOTIATE_OEM_WORKSTATION_SUPPLIED = 0x00002000;
    /** M: a session key is generated even without SIGN or SEAL. */
    public static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    /** N: TargetName is a domain name. */
    public static final int TARGET_TYPE_DOMAIN = 0x00010000;
    /** O: TargetName is a server name. */
    public static final int TARGET_TYPE_SERVER = 0x00020000;
    /** P: extended session security (HMAC-MD5 signatures, per-direction keys). */
    public static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    /** S: the CHALLENGE carries TargetInfo AV pairs. */
    public static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    /** T: the Version field is populated. */
    public static final int NEGOTIATE_VERSION = 0x02000000;
    /** U: 128-bit session keys. */
    public static final int NEGOTIATE_128 = 0x20000000;
    /** V: key exchange (EncryptedRandomSessionKey). */
    public static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    /** W: 56-bit session keys. */
    public static final int NEGOTIATE_56 = 0x80000000;

    private static final int[] BITS = {
        NEGOTIATE_UNICODE, NEGOTIATE_OEM, REQUEST_TARGET, NEGOTIATE_SIGN, NEGOTIATE_SEAL, NEGOTIATE_LM_KEY,
        NEGOTIATE_NTLM, NEGOTIATE_OEM_DOMAIN_SUPPLIED, NEGOTIATE_OEM_WORKSTATION_SUPPLIED, NEGOTIATE_ALWAYS_SIGN,
        TARGET_TYPE_DOMAIN, TARGET_TYPE_SERVER, NEGOTIATE_EXTENDED_SESSIONSECURITY, NEGOTIATE_TARGET_INFO,
        NEGOTIATE_VERSION, NEGOTIATE_128, NEGOTIATE_KEY_EXCH, NEGOTIATE_56,
    };
    private static final String[] NAMES = {
        "UNICODE", "OEM", "REQUEST_TARGET", "SIGN", "SEAL", "LM_KEY", "NTLM", "OEM_DOMAIN_SUPPLIED",
        "OEM_WORKSTATION_SUPPLIED", "ALWAYS_SIGN", "TARGET_TYPE_DOMAIN", "TARGET_TYPE_SERVER",
        "EXTENDED_SESSIONSECURITY", "TARGET_INFO", "VERSION", "128", "KEY_EXCH", "56",
    };

    private NegotiateFlags() {
    }

    /** True when every bit of {@code flag} is set in {@code flags}. */
    public static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }

    /** A readable list of the known flags, for diagnostics: {@code "0xe2888235 [UNICODE, ...]"}. */
    public static String describe(int flags) {
        List<String> names = new ArrayList<>();
        int unknown = flags;
        for (int i = 0; i < BITS.length; i++) {
            if (has(flags, BITS[i])) {
                names.add(NAMES[i]);
                unknown &= ~BITS[i];
            }
        }
        if (unknown != 0) {
            names.add(String.format("0x%08x", unknown));
        }
        return String.format("0x%08x %s", flags, names);
    }
}
