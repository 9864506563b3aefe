package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;

/**
 * A user for NTLM: domain, user name and the NT hash of the password (MD4 of its UTF-16LE form, MS-NLMP 3.3.1).
 * The password itself is not kept. {@code toString} never shows the hash.
 *
 * <p>User name forms (as Windows clients accept them): {@code DOMAIN\\user} gives domain DOMAIN;
 * {@code user@domain.example} is a UPN, sent as the user name with an empty domain; a plain {@code user} has an
 * empty domain.
 */
public final class NtlmCredentials {

    private final String domain;
    private final String user;
    private final byte[] ntHash;

    private NtlmCredentials(String domain, String user, byte[] ntHash) {
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the NTLM user name is empty");
        }
        this.domain = domain;
        this.user = user;
        this.ntHash = ntHash;
    }

    /** Parses {@code userSpec} and hashes the password; the caller may wipe its {@code password} array afterwards. */
    public static NtlmCredentials of(String userSpec, char[] password) {
        if (userSpec == null || password == null) {
            throw new IllegalArgumentException("an NTLM user and password are required");
        }
        int backslash = userSpec.indexOf('\\');
        if (backslash >= 0) {
            return new NtlmCredentials(userSpec.substring(0, backslash), userSpec.substring(backslash + 1),
                    NtlmCrypto.ntowfv1(password));
        }
        return new NtlmCredentials("", userSpec, NtlmCrypto.ntowfv1(password));
    }

    /** Explicit domain and user, no parsing. */
    public static NtlmCredentials of(String domain, String user, char[] password) {
        if (domain == null || user == null || password == null) {
            throw new IllegalArgumentException("an NTLM domain, user and password are required");
        }
        return new NtlmCredentials(domain, user, NtlmCrypto.ntowfv1(password));
    }

    public String domain() {
        return domain;
    }

    public String user() {
        return user;
    }

    /** ResponseKeyNT = ResponseKeyLM = NTOWFv2 for the given domain (3.3.2). */
    byte[] responseKey(String userDomain) {
        return NtlmCrypto.ntowfv2(ntHash, user, userDomain);
    }

    /** True when {@code otherUser} names this user (case-insensitive, MS-NLMP 3.2.5.1.2 note). */
    public boolean matchesUser(String otherUser) {
        return user.equalsIgnoreCase(otherUser);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NtlmCredentials && ((NtlmCredentials) other).domain.equals(domain)
                && ((NtlmCredentials) other).user.equals(user)
                && NtlmCrypto.same(((NtlmCredentials) other).ntHash, ntHash);
    }

    @Override
    public int hashCode() {
        return 31 * domain.hashCode() + user.hashCode();
    }

    @Override
    public String toString() {
        return "NtlmCredentials[" + (domain.isEmpty() ? "" : domain + "\\") + user + ", password=***]";
    }

    /** Wipes the stored hash; the credentials are unusable afterwards. */
    public void destroy() {
        Arrays.fill(ntHash, (byte) 0);
    }
}
