package io.tlsready.sim.wmi;

import static io.tlsready.sim.wmi.SoapAnswer.fault;
import static io.tlsready.sim.wmi.SoapAnswer.ok;

import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanNs;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.adapters.winrm.wsman.WsmanResponses;
import io.tlsready.adapters.winrm.wsman.XmlElement;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WS-Enumeration of the {@link Win32Classes}: Enumerate (a WQL filter through {@code root/cimv2/*}, or the class
 * URI), optimized or not, then Pull in batches of MaxElements, and Release; open contexts are remembered per host
 * (at most 64, the oldest forgotten first, as a real service ages them out).
 */
final class WqlEnumerations {

    private static final String CIMV2 = WsmanNs.WMI_BASE + "root/cimv2/";
    private static final Pattern WQL = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(?:\\s+WHERE\\s+(\\w+)\\s*=\\s*['\"]([^'\"]*)['\"])?\\s*");
    private static final int DEFAULT_BATCH = 32_000;
    private static final int MAX_OPEN_ENUMERATIONS = 64;

    private final String machine;
    private final Win32Classes classes;
    private final Map<String, List<String>> openEnumerations = new LinkedHashMap<>();
    private final AtomicLong contexts = new AtomicLong();

    WqlEnumerations(String machine, Win32Classes classes) {
        this.machine = machine;
        this.classes = classes;
    }

    SoapAnswer enumerate(WsmanRequest req, String id) {
        String uri = req.resourceUri();
        Optional<XmlElement> filter = req.filter();
        String className;
        List<String> props = null;
        String whereProp = null;
        String whereValue = null;
        if (filter.isPresent()) {
            if (!filter.get().attribute("Dialect").map(WsmanNs.WQL_DIALECT::equalsIgnoreCase).orElse(false)) {
                return fault(WsmanResponses.fault(id, "Sender", "w:FilterDialectRequestedUnavailable",
                        "The requested filtering dialect is not supported. ", 2150858804L, machine));
            }
            Matcher m = WQL.matcher(filter.get().trimmedText());
            if (!m.matches() || !uri.equalsIgnoreCase(WsmanMessages.CIMV2_WQL)) {
                return fault(WsmanResponses.cannotProcessFilter(id, machine));
            }
            className = m.group(2);
            props = m.group(1).strip().equals("*") ? null : List.of(m.group(1).strip().split("\\s*,\\s*"));
            whereProp = m.group(3);
            whereValue = m.group(4);
        } else if (uri.regionMatches(true, 0, CIMV2, 0, CIMV2.length()) && !uri.endsWith("*")) {
            className = uri.substring(CIMV2.length());
        } else {
            return fault(WsmanResponses.resourceNotFound(id, machine));
        }
        if (!Win32Classes.isServed(className)) {
            return fault(filter.isPresent() ? WsmanResponses.cannotProcessFilter(id, machine)
                    : WsmanResponses.resourceNotFound(id, machine));
        }
        Optional<List<Map<String, String>>> rows = classes.rows(className);
        if (rows.isEmpty()) {
            return fault(WsmanResponses.fault(id, "Receiver", "w:InternalError", "The WS-Management service cannot"
                    + " process the request. The WMI provider returned an error: Generic failure ", 2147749889L,
                    machine));
        }
        String canonical = Win32Classes.canonical(className);
        List<String> items = new ArrayList<>();
        for (Map<String, String> row : rows.get()) {
            if (whereProp != null && !whereValue.equalsIgnoreCase(lookup(row, whereProp))) {
                continue;
            }
            List<Map.Entry<String, String>> p = new ArrayList<>();
            for (Map.Entry<String, String> e : row.entrySet()) {
                if (props == null || props.stream().anyMatch(e.getKey()::equalsIgnoreCase)) {
                    p.add(new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue()));
                }
            }
            items.add(props == null ? WsmanResponses.instance(canonical, p) : WsmanResponses.fragment(p));
        }
        int batch = batch(req.maxElements());
        if (!req.optimizeEnumeration()) {
            String ctx = remember(items);
            return ok(WsmanResponses.envelope(WsmanNs.ACTION_ENUMERATE_RESPONSE, id,
                    "<n:EnumerateResponse><n:EnumerationContext>" + ctx
                            + "</n:EnumerationContext></n:EnumerateResponse>"));
        }
        if (items.size() <= batch) {
            return ok(WsmanResponses.enumerateResponse(id, items, null));
        }
        String ctx = remember(new ArrayList<>(items.subList(batch, items.size())));
        return ok(WsmanResponses.enumerateResponse(id, items.subList(0, batch), ctx));
    }

    SoapAnswer pull(WsmanRequest req, String id) {
        Optional<String> ctx = req.enumerationContext();
        List<String> rest = ctx.map(this::forget).orElse(null);
        if (rest == null) {
            return fault(WsmanResponses.fault(id, "Sender", "n:InvalidEnumerationContext", "The supplied"
                    + " enumeration context is invalid. ", 2150858776L, machine));
        }
        int batch = batch(req.maxElements());
        if (rest.size() <= batch) {
            return ok(WsmanResponses.pullResponse(id, rest, null));
        }
        String next = remember(new ArrayList<>(rest.subList(batch, rest.size())));
        return ok(WsmanResponses.pullResponse(id, rest.subList(0, batch), next));
    }

    private static int batch(OptionalLong maxElements) {
        long n = maxElements.orElse(1);
        return (int) Math.max(1, Math.min(DEFAULT_BATCH, n));
    }

    private synchronized String remember(List<String> items) {
        String ctx = "uuid:" + String.format(Locale.ROOT, "%08X-0000-4000-8000-%012X", System.identityHashCode(this),
                contexts.incrementAndGet());
        openEnumerations.put(ctx, items);
        if (openEnumerations.size() > MAX_OPEN_ENUMERATIONS) {
            Iterator<String> oldest = openEnumerations.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return ctx;
    }

    /** Release: the client is done with {@code ctx}. */
    synchronized List<String> forget(String ctx) {
        return openEnumerations.remove(ctx);
    }

    /** A property's value by name, any case; "" when the row has none (WQL compares a missing property as empty). */
    private static String lookup(Map<String, String> row, String prop) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(prop)).map(Map.Entry::getValue)
                .filter(v -> v != null).findFirst().orElse("");
    }
}
