package io.tlsready.app.cli;

import io.tlsready.app.cli.render.Format;
import io.tlsready.domain.fleet.FleetAudit;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * The remote options checked before anything is read or contacted: ranges, contradictions, a pin that is no
 * fingerprint. Each refusal is a usage error (exit 2) in the options' own words.
 */
final class RemoteChecks {

    private RemoteChecks() {
    }

    /** Options that make no sense without a remote target; checked before anything is read. */
    static void checkOptions(AuditCommand c) {
        checkRemote(c.remote);
        boolean jsonl = c.format == Format.JSONL;
        if (c.skipFailed && !c.resume) {
            throw new UsageException("--skip-failed goes with --resume");
        }
        if (c.resume && (!jsonl || c.output == null)) {
            throw new UsageException("--resume continues a '--format jsonl --output FILE' run: give both");
        }
        if ((c.report != null || c.reportFormat != null) && !jsonl) {
            throw new UsageException("--report/--report-format go with --format jsonl; otherwise --output is the "
                    + "report");
        }
    }

    /** The remote options every command that reaches hosts takes (audit, fix, rollback), each within its bounds. */
    static void checkRemote(RemoteOptions r) {
        if (r.refusedPassword != null) {
            throw new UsageException("--password: passwords are never taken on the command line (shell history, "
                    + "process lists); set " + Passwords.VARIABLE + ", use --password-file FILE, or type it at the prompt");
        }
        if (r.timeoutSeconds < 1 || r.timeoutSeconds > 86_400) {
            throw new UsageException("--timeout: expected 1..86400 seconds, got " + r.timeoutSeconds);
        }
        if (r.concurrency < 1 || r.concurrency > FleetAudit.MAX_CONCURRENCY) {
            throw new UsageException("--concurrency: expected 1.." + FleetAudit.MAX_CONCURRENCY + ", got "
                    + r.concurrency);
        }
        if (r.retries < 0 || r.retries > FleetAudit.MAX_RETRIES) {
            throw new UsageException("--retries: expected 0.." + FleetAudit.MAX_RETRIES + ", got " + r.retries);
        }
        if (r.insecureSkipTlsVerify && r.pinSha256 != null) {
            throw new UsageException("--pin-sha256 and --insecure-skip-tls-verify contradict each other: choose one");
        }
    }

    /** The trust options that need a look at their values: a readable CA file, a pin that is a fingerprint. */
    static Optional<String> checkTrust(RemoteOptions r) {
        Optional<String> pin = pin(r.pinSha256);
        if (r.caCert != null && !Files.isReadable(r.caCert)) {
            throw new UsageException("--ca-cert " + r.caCert + ": cannot read it");
        }
        return pin;
    }

    /** 64 hex digits, colons and spaces allowed (as certificate viewers show it); lower-case hex out. */
    static Optional<String> pin(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new UsageException("--pin-sha256: expected the SHA-256 fingerprint of the host certificate, "
                    + "64 hex digits (colons allowed)");
        }
        return Optional.of(hex);
    }
}
