package io.tlsready.domain.plan;

import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.output.RegText;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan as a .reg file regedit imports: "Windows Registry Editor Version 5.00", CRLF, UTF-16LE with
 * a BOM — exactly what regedit itself exports — then the {@link PlanHeader}. WOW6432Node is spelled out, so the
 * file means the same whichever bitness of regedit/reg.exe imports it. Every text that is not tlsready's own goes
 * through {@link RegText}: comments are made visible, keys and value names are refused rather than written wrong.
 */
public final class RegFileFormat {

    static final String VERSION_LINE = "Windows Registry Editor Version 5.00";

    private RegFileFormat() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder("\r\n");
        sb.append("; tlsready fix: import with  reg import <file>  as Administrator, then restart the host.\r\n");
        sb.append("; Check it first with  tlsready plan --verify <file>. Export the keys first to keep a backup ")
                .append("(tlsready plan --format ps1 does).\r\n");
        for (UpdateRequirement u : plan.updates()) {
            sb.append("; ALSO REQUIRED (not a registry change): ")
                    .append(RegText.comment(u.kb() + " " + u.title() + " <" + u.url() + ">")).append("\r\n");
        }
        for (String step : plan.manualSteps()) {
            sb.append("; ").append(RegText.comment(step)).append("\r\n");
        }
        Map<String, List<RegistryChange>> byKey = new LinkedHashMap<>();
        for (RegistryChange c : plan.changes()) {
            byKey.computeIfAbsent(c.ref().physicalKey(), k -> new ArrayList<>()).add(c);
        }
        // Each section's reasons come before its [key] line: hivex's importer (and other strict readers) take a
        // comment inside a section for its end, while regedit accepts comments anywhere.
        for (Map.Entry<String, List<RegistryChange>> e : byKey.entrySet()) {
            sb.append("\r\n");
            for (RegistryChange c : e.getValue()) {
                String reason = c.reason();
                if (c.operation() == RegistryChange.Operation.OR_BITS) {
                    reason += " (computed from the audited value "
                            + c.before().map(b -> String.format("0x%08x", b)).orElse("absent") + ")";
                }
                sb.append("; ").append(RegText.comment(reason)).append("\r\n");
            }
            sb.append("[").append(RegText.keyPath(RegistryPaths.longForm(e.getKey()))).append("]\r\n");
            for (RegistryChange c : e.getValue()) {
                sb.append(RegText.quoted("value name", c.ref().name())).append("=dword:")
                        .append(String.format("%08x", c.after())).append("\r\n");
            }
        }
        return PlanHeader.wrap(VERSION_LINE, ";", plan.host(), plan.rules(), sb.toString());
    }

    /** UTF-16LE with BOM, as regedit writes. */
    public static byte[] bytes(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text(plan).getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
