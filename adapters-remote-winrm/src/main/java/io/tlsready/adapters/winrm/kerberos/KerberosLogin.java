package io.tlsready.adapters.winrm.kerberos;

import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Gets the user's Kerberos TGT into a {@link Subject}: from a ticket cache ({@code KRB5CCNAME}, else the default
 * cache) or, when a password is given, by an AS exchange with the KDC. The JAAS configuration is built here (no file
 * the user must write); {@code KRB5_CONFIG} becomes Java's {@code java.security.krb5.conf}, which JGSS reads
 * JVM-wide, so every host of one run uses the same krb5.conf.
 *
 * <p>Failures become one line naming the cause a Windows admin knows (wrong password, unknown user, clock skew,
 * no KDC, no ticket), recognised by the Kerberos error code the JDK puts at the end of its message.
 */
public final class KerberosLogin {

    /** The JDK reads KRB5CCNAME itself only from the real process environment; we pass it explicitly. */
    public static final String CACHE_VARIABLE = "KRB5CCNAME";
    public static final String CONFIG_VARIABLE = "KRB5_CONFIG";
    private static final String JDK_CONFIG_PROPERTY = "java.security.krb5.conf";
    private static final Pattern CODE = Pattern.compile("\\((\\d{1,3})\\)(?:\\s*-\\s*[A-Z_]+)?\\s*\\)*\\s*$");

    /**
     * Where the Kerberos client configuration comes from.
     *
     * @param krb5Config  KRB5_CONFIG (its first file), when set
     * @param ticketCache KRB5CCNAME as a file path, when set
     * @param cacheProblem why KRB5CCNAME cannot be used by Java (KEYRING:, KCM:, DIR:, API:), when so
     */
    public record Settings(Optional<Path> krb5Config, Optional<Path> ticketCache, Optional<String> cacheProblem) {

        /** From environment variables (the process's, or a test's). */
        public static Settings from(Function<String, String> environment) {
            Optional<Path> config = Optional.ofNullable(environment.apply(CONFIG_VARIABLE)).filter(s -> !s.isBlank())
                    .map(s -> Path.of(s.split(":", -1)[0]));
            String cache = environment.apply(CACHE_VARIABLE);
            if (cache == null || cache.isBlank()) {
                return new Settings(config, Optional.empty(), Optional.empty());
            }
            if (cache.startsWith("FILE:")) {
                return new Settings(config, Optional.of(Path.of(cache.substring(5))), Optional.empty());
            }
            int colon = cache.indexOf(':');
            if (colon > 0 && cache.substring(0, colon).chars().allMatch(Character::isLetter)) {
                return new Settings(config, Optional.empty(), Optional.of(CACHE_VARIABLE + " is a "
                        + cache.substring(0, colon) + ": cache, which Java cannot read; use a FILE: cache (kinit -c"
                        + " FILE:/tmp/krb5cc_tlsready, then KRB5CCNAME=FILE:/tmp/krb5cc_tlsready)"));
            }
            return new Settings(config, Optional.of(Path.of(cache)), Optional.empty());
        }

        public static Settings system() {
            return from(System::getenv);
        }
    }

    private KerberosLogin() {
    }

    /**
     * Logs in.
     *
     * @param user     {@code user@REALM} (or {@code user}, the default realm), or empty for the cache's principal
     * @param password the password, or null/empty to use the ticket cache
     * @param settings KRB5_CONFIG and KRB5CCNAME
     * @throws KerberosException one line, never the password
     */
    public static Subject login(String user, char[] password, Settings settings) {
        applyConfig(settings);
        boolean withPassword = password != null && password.length > 0;
        if (!withPassword && settings.cacheProblem().isPresent()) {
            throw new KerberosException("Kerberos: " + settings.cacheProblem().get());
        }
        Map<String, String> options = new HashMap<>();
        options.put("refreshKrb5Config", "true");
        options.put("isInitiator", "true");
        options.put("storeKey", "false");
        if (withPassword) {
            options.put("useTicketCache", "false");
            options.put("doNotPrompt", "false");
            if (user != null && !user.isBlank()) {
                options.put("principal", user);
            }
        } else {
            options.put("useTicketCache", "true");
            options.put("doNotPrompt", "true");
            settings.ticketCache().ifPresent(p -> options.put("ticketCache", p.toString()));
            if (user != null && !user.isBlank() && user.contains("@")) {
                options.put("principal", user);
            }
        }
        Configuration configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        char[] secret = withPassword ? password.clone() : null;
        CallbackHandler handler = callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback && user != null) {
                    ((NameCallback) c).setName(user);
                } else if (c instanceof PasswordCallback && secret != null) {
                    ((PasswordCallback) c).setPassword(secret);
                } else {
                    throw new UnsupportedCallbackException(c, "no interactive input");
                }
            }
        };
        try {
            LoginContext lc = new LoginContext("tlsready-winrm", new Subject(), handler, configuration);
            lc.login();
            return lc.getSubject();
        } catch (LoginException | SecurityException e) {
            throw new KerberosException(describeLogin(e, user, withPassword, settings), e);
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
    }

    /** Points JGSS at KRB5_CONFIG (JVM-wide; the same for every host of a run). */
    static synchronized void applyConfig(Settings settings) {
        if (settings.krb5Config().isEmpty()) {
            return;
        }
        Path config = settings.krb5Config().get();
        if (!Files.isReadable(config)) {
            throw new KerberosException("Kerberos: " + CONFIG_VARIABLE + "=" + config + ": cannot read it");
        }
        System.setProperty(JDK_CONFIG_PROPERTY, config.toString());
    }

    private static HintedText describeLogin(Exception e, String user, boolean withPassword, Settings settings) {
        String who = user == null || user.isBlank() ? "the user" : user;
        Optional<Integer> code = errorCode(e);
        if (code.isPresent()) {
            Optional<String> known = describeCode(code.get(), who, null);
            if (known.isPresent()) {
                return HintedText.plain(known.get());
            }
        }
        String text = oneLine(e);
        String lower = text.toLowerCase(Locale.ROOT);
        if (withPassword && lower.contains("checksum failed")) {
            // Without pre-authentication the KDC answers anyone; the wrong key then fails to decrypt its reply.
            return HintedText.plain(describeCode(24, who, null).orElseThrow());
        }
        if (!withPassword && (lower.contains("unable to obtain password") || lower.contains("no credential")
                || lower.contains("no ticket") || lower.contains("no password")
                || lower.contains("unable to obtain principal name"))) {
            return HintedText.of("Kerberos: no ticket in " + settings.ticketCache().map(Path::toString)
                    .orElse("the default ticket cache") + " (run kinit "
                    + (user == null || user.isBlank() ? "user@REALM" : user) + ", or ", new Hint.GivePassword(false),
                    ")");
        }
        return HintedText.plain(kdcTrouble(lower).orElse("Kerberos: login for " + who + " failed: " + Visible.of(text)));
    }

    /** The message for a failure while getting a service ticket or building the AP-REQ for {@code spn}. */
    public static String describeContextFailure(Throwable e, String spn) {
        Optional<Integer> code = errorCode(e);
        if (code.isPresent()) {
            Optional<String> known = describeCode(code.get(), "the user", spn);
            if (known.isPresent()) {
                return known.get();
            }
        }
        String text = oneLine(e);
        return kdcTrouble(text.toLowerCase(Locale.ROOT)).orElse("Kerberos: no service ticket for " + spn + " ("
                + Visible.of(text) + ")");
    }

    private static Optional<String> describeCode(int code, String who, String spn) {
        switch (code) {
            case 6:
                return Optional.of("Kerberos: the KDC does not know " + who + " (client principal not found;"
                        + " check the user name and the realm after @, in upper case)");
            case 7:
                return Optional.of("Kerberos: the KDC has no service principal " + (spn == null ? "for the host"
                        : spn) + " (register it: setspn -S " + (spn == null ? "HTTP/host" : spn) + " <computer>;"
                        + " use the host's DNS name, not an IP address or alias)");
            case 18:
                return Optional.of("Kerberos: the account " + who + " is disabled or locked (KDC: client's"
                        + " credentials have been revoked)");
            case 23:
                return Optional.of("Kerberos: the password of " + who + " has expired; change it, then retry");
            case 24:
            case 31:
                return Optional.of("Kerberos: the KDC rejected the password for " + who + " (pre-authentication"
                        + " failed: wrong password)");
            case 37:
                return Optional.of("Kerberos: clock skew too great: this machine's clock and the KDC's differ by"
                        + " more than the allowed 5 minutes; synchronise the time (w32tm /resync, chronyc makestep)");
            case 41:
                return Optional.of("Kerberos: integrity check failed (message stream modified): the realm is"
                        + " probably spelt in the wrong case; write it in upper case, e.g. user@CONTOSO.COM");
            case 68:
                return Optional.of("Kerberos: the KDC does not serve that realm (wrong realm after @?)");
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> kdcTrouble(String lower) {
        if (lower.contains("cannot get kdc") || lower.contains("cannot locate kdc")
                || lower.contains("receive timed out") || lower.contains("connection refused")
                || lower.contains("no route to host") || lower.contains("cannot locate default realm")) {
            return Optional.of("Kerberos: cannot reach a KDC for the realm (check krb5.conf [realms]/"
                    + "default_realm, KRB5_CONFIG, DNS SRV records, firewall to port 88)");
        }
        return Optional.empty();
    }

    /** The Kerberos error code the JDK appends as "(N)" to a KrbException message, anywhere in the causes. */
    static Optional<Integer> errorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                Matcher matcher = CODE.matcher(m.strip());
                if (matcher.find()) {
                    return Optional.of(Integer.parseInt(matcher.group(1)));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip();
    }
}
