package io.tlsready.domain.report;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inverse of {@link ReportDocument#host}: turns a {@code tlsready.report/v1} host object, as any JSON library
 * reads it into maps, lists, strings, numbers, booleans and nulls, back into an equal {@link HostReport}. Fields the
 * document derives ({@code core}, {@code build}, a reference's title and url, a change's {@code type} and
 * {@code after}) are not read. A change written before the document carried {@code operation} reads back as a SET
 * of its {@code after}, the DWORD it writes.
 */
public final class HostReportReader {

    private static final String SOFTWARE = "HKLM\\SOFTWARE";
    private static final String WOW = SOFTWARE + "\\WOW6432Node";

    private HostReportReader() {
    }

    /** @throws IllegalArgumentException naming the field when the tree is not a host object of a tlsready report */
    public static HostReport read(Object tree) {
        Node n = new Node("host", tree);
        return new HostReport(n.text("host"), n.text("source"), os(n.object("os")),
                n.constant("verdict", Verdict::valueOf), n.list("findings", HostReportReader::finding),
                n.list("provenance", p -> new Provenance(p.text("kind"), p.text("location"), p.text("detail"))),
                n.list("warnings", w -> new EvidenceWarning(w.text("location"), w.text("message"))),
                n.optionalText("error"), n.optionalText("target"));
    }

    private static OsIdentity os(Node o) {
        return new OsIdentity(o.optionalText("release").map(r -> o.constant("release", WindowsRelease::valueOf)),
                o.optionalText("version").map(v -> version(o, v)), o.optionalNumber("ubr").map(Long::intValue),
                (int) o.number("servicePack"),
                o.optionalText("productType").map(p -> o.constant("productType", ProductType::valueOf)),
                o.optionalText("architecture").map(a -> o.constant("architecture", Architecture::valueOf)),
                o.optionalText("edition"), o.optionalText("installationType"), o.text("name"),
                o.list("basis", Node::string), o.list("notes", Node::string));
    }

    private static WindowsVersion version(Node o, String text) {
        String[] parts = text.split("\\.", -1);
        try {
            if (parts.length == 3) {
                return new WindowsVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(o.path + ".version: not a major.minor.build version");
    }

    private static Finding finding(Node f) {
        return new Finding(f.constant("rule", RuleId::valueOf), f.constant("status", Status::valueOf),
                f.text("title"), f.text("detail"),
                f.list("evidence", e -> new Evidence(e.text("path"), e.text("view"), e.text("valueName"),
                        e.text("observed"), e.text("expected"), e.text("origin"),
                        e.optionalText("file").map(file -> new SourceLine(file,
                                e.optionalNumber("line").map(Long::intValue).orElse(0))))),
                f.optionalObject("remediation").map(HostReportReader::remediation),
                f.list("reference", r -> r.constant("id", Source::valueOf)));
    }

    private static Remediation remediation(Node r) {
        return new Remediation(r.text("summary"), r.list("changes", HostReportReader::change),
                r.list("updates", u -> new UpdateRequirement(u.text("kb"), u.text("title"), u.text("url"),
                        u.text("howToConfirm"))),
                r.list("manualSteps", Node::string));
    }

    private static RegistryChange change(Node c) {
        String path = c.text("path");
        String name = c.text("valueName");
        ValueRef ref;
        try {
            ref = "32-bit".equals(c.text("view")) ? ValueRef.wow32(nativeKey(path), name) : ValueRef.of(path, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.path + ": not a registry value of the 32-bit view");
        }
        Optional<Long> before = c.optionalNumber("before");
        String reason = c.text("reason");
        if (c.optionalText("operation").isEmpty()) {
            return RegistryChange.set(ref, c.number("after"), before, reason);
        }
        try {
            return new RegistryChange(ref, c.constant("operation", RegistryChange.Operation::valueOf),
                    c.number("operand"), before, c.number("defaultWhenAbsent"), reason, c.number("clearBits"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.path + ": " + e.getMessage());
        }
    }

    /** {@code HKLM\SOFTWARE\WOW6432Node\X} -> {@code HKLM\SOFTWARE\X} (the 32-bit view's native spelling). */
    private static String nativeKey(String physical) {
        String p = RegistryPaths.normalize(physical);
        if (RegistryPaths.startsWithKey(p, WOW)) {
            return SOFTWARE + p.substring(WOW.length());
        }
        throw new IllegalArgumentException("not under " + WOW);
    }

    /** One object or value of the tree, with the path that names it in errors. */
    private record Node(String path, Object value) {

        @SuppressWarnings("unchecked")
        private Map<String, Object> map() {
            if (value instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new IllegalArgumentException(path + ": expected an object");
        }

        private Node field(String name) {
            Map<String, Object> m = map();
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException(path + ": no \"" + name + "\" field");
            }
            return new Node(path + "." + name, m.get(name));
        }

        private boolean isNull(String name) {
            return map().get(name) == null;
        }

        Node object(String name) {
            Node f = field(name);
            f.map();
            return f;
        }

        Optional<Node> optionalObject(String name) {
            return isNull(name) ? Optional.empty() : Optional.of(object(name));
        }

        String string() {
            if (value instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException(path + ": expected a string");
        }

        String text(String name) {
            return field(name).string();
        }

        Optional<String> optionalText(String name) {
            return isNull(name) ? Optional.empty() : Optional.of(text(name));
        }

        <E> E constant(String name, Function<String, E> valueOf) {
            String text = text(name);
            try {
                return valueOf.apply(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + "." + name + ": not a known name");
            }
        }

        long number(String name) {
            Object v = field(name).value;
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof BigInteger b && b.bitLength() < 64) {
                return b.longValue();
            }
            throw new IllegalArgumentException(path + "." + name + ": expected a whole number");
        }

        Optional<Long> optionalNumber(String name) {
            return isNull(name) ? Optional.empty() : Optional.of(number(name));
        }

        <T> List<T> list(String name, Function<Node, T> item) {
            Node f = field(name);
            if (!(f.value instanceof List<?> items)) {
                throw new IllegalArgumentException(f.path + ": expected an array");
            }
            List<T> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(item.apply(new Node(f.path + "[" + i + "]", items.get(i))));
            }
            return out;
        }
    }
}
