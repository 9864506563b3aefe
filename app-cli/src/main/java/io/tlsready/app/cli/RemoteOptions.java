package io.tlsready.app.cli;

import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach hosts over WinRM ({@code --host}, {@code --inventory}). Values given per host in an inventory
 * win over these, which are defaults. Secure by default: HTTPS with certificate validation, NTLM (works for
 * domain and local accounts and is on by default in WinRM; Basic is off by default on Windows and sends the
 * password to anyone who can break the TLS).
 */
final class RemoteOptions {

    @Option(names = "--transport", paramLabel = "https|http", defaultValue = "https",
            description = "WinRM transport (default: ${DEFAULT-VALUE}; port 5986, or 5985 for http). "
                    + "http is allowed only with NTLM or Kerberos, whose messages are then encrypted.")
    RemoteTarget.Transport transport;

    @Option(names = "--auth", paramLabel = "basic|ntlm|kerberos", defaultValue = "ntlm",
            description = "Authentication (default: ${DEFAULT-VALUE}, over either transport). basic needs https; "
                    + "kerberos uses your ticket cache (kinit; KRB5CCNAME, KRB5_CONFIG) or logs in with "
                    + "--user user@REALM and the password, and needs the host's DNS name (SPN HTTP/<host>).")
    RemoteTarget.Auth auth;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Account, e.g. CONTOSO\\auditor or auditor@contoso.com (an inventory may give one per host).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (keep it chmod 600). Otherwise "
                    + "the variable TLSREADY_PASSWORD, otherwise a prompt. Never on the command line.")
    Path passwordFile;

    /** Only so that a password typed here is refused with a reason (and never echoed back). */
    @Option(names = "--password", arity = "0..1", hidden = true)
    String refusedPassword;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust the CA certificates in FILE (PEM), e.g. your private PKI's root.")
    Path caCert;

    @Option(names = "--pin-sha256", paramLabel = "HEX",
            description = "Trust exactly the host certificate with this SHA-256 fingerprint (64 hex digits, "
                    + "colons allowed), e.g. for self-signed WinRM certificates.")
    String pinSha256;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Do not check certificates at all. Anyone on the network path can then read the "
                    + "password and forge results. Inventory settings never turn this on.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Deadline per host, all retries included (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + FleetAudit.DEFAULT_CONCURRENCY,
            description = "Hosts audited at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "" + FleetAudit.DEFAULT_RETRIES,
            description = "Retries after a transient failure (refused, reset, timed out), with exponential "
                    + "backoff; wrong credentials and certificate errors are never retried (default: ${DEFAULT-VALUE}).")
    int retries;
}
