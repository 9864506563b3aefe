package io.tlsready.domain.plan;

import io.tlsready.domain.output.Visible;
import io.tlsready.domain.rules.RuleId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The header every planned file carries (docs/plan-format.md), as comment lines right after the file's first line:
 * <pre>
 * ; tlsready-plan: v1
 * ; sha256: 64 lowercase hex digits
 * ; host: the host name, made {@link Visible}
 * ; rules: RULE_A, RULE_B   (or "none")
 * </pre>
 * The SHA-256 is over the UTF-8 bytes of every character after the CRLF that ends the sha256 line, to the end of
 * the file, so the host and rules lines are covered. It is a checksum, not a signature: it shows that a file is
 * what tlsready wrote, and {@link PlanVerifier} also checks that it writes nothing a tlsready plan would not.
 */
public final class PlanHeader {

    static final String MARKER = "tlsready-plan: v1";
    static final String SHA256 = "sha256: ";
    static final String HOST = "host: ";
    static final String RULES = "rules: ";
    static final String NO_RULES = "none";

    private PlanHeader() {
    }

    /**
     * The whole file text: {@code firstLine}, the header in {@code comment}-prefixed lines, then {@code rest}.
     *
     * @param rest the plan's lines after the header, each ending in CRLF
     */
    static String wrap(String firstLine, String comment, String host, List<RuleId> rules, String rest) {
        String covered = comment + " " + HOST + Visible.of(host) + "\r\n"
                + comment + " " + RULES + rulesText(rules) + "\r\n" + rest;
        return firstLine + "\r\n" + comment + " " + MARKER + "\r\n" + comment + " " + SHA256 + sha256(covered) + "\r\n"
                + covered;
    }

    static String rulesText(List<RuleId> rules) {
        return rules.isEmpty() ? NO_RULES : rules.stream().map(RuleId::name).collect(Collectors.joining(", "));
    }

    /** Lowercase hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
