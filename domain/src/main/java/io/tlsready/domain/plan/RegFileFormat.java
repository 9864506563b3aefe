package io.tlsready.domain.plan;

import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan as a .reg file regedit imports: "Windows Registry Editor Version 5.00", CRLF, UTF-16LE with
 * a BOM — exactly what regedit itself exports. WOW6432Node is spelled out, so the file means the same
 * whichever bitness of regedit/reg.exe imports it.
 */
public final class RegFileFormat {

    private RegFileFormat() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n");
        sb.append("; tlsready fix for ").append(plan.host()).append(": import with  reg import <file>  as Administrator,\r\n");
        sb.append("; then restart the host. Export the keys first to keep a backup (tlsready plan --format ps1 does).\r\n");
        for (UpdateRequirement u : plan.updates()) {
            sb.append("; ALSO REQUIRED (not a registry change): ").append(u.kb()).append(" ").append(u.title())
                    .append(" <").append(u.url()).append(">\r\n");
        }
        for (String step : plan.manualSteps()) {
            sb.append("; ").append(step).append("\r\n");
        }
        Map<String, List<RegistryChange>> byKey = new LinkedHashMap<>();
        for (RegistryChange c : plan.changes()) {
            byKey.computeIfAbsent(c.ref().physicalKey(), k -> new java.util.ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<RegistryChange>> e : byKey.entrySet()) {
            sb.append("\r\n[").append(RegistryPaths.longForm(e.getKey())).append("]\r\n");
            for (RegistryChange c : e.getValue()) {
                sb.append("; ").append(c.reason());
                if (c.operation() == RegistryChange.Operation.OR_BITS) {
                    sb.append(" (computed from the audited value ")
                            .append(c.before().map(b -> String.format("0x%08x", b)).orElse("absent")).append(')');
                }
                sb.append("\r\n\"").append(c.ref().name().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\"=dword:").append(String.format("%08x", c.after())).append("\r\n");
            }
        }
        return sb.toString();
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
