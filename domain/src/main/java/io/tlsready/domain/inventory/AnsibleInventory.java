package io.tlsready.domain.inventory;

import io.tlsready.domain.port.RemoteTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible INI inventories, the subset that describes WinRM hosts: {@code [group]}, {@code [group:vars]} and
 * {@code [group:children]} sections, hosts before any section (group "ungrouped"), inline host variables,
 * numeric and letter ranges ({@code web[01:20].contoso.com}, {@code db-[a:c]}, {@code [1:9:2]}). Every host of
 * the file is audited once, whatever the number of groups it is in. Variables apply in Ansible's order:
 * {@code all}, then groups from parents to children (alphabetical at equal depth), then the host line.
 * Understood: {@code ansible_host, ansible_port, ansible_user, ansible_winrm_user, ansible_connection,
 * ansible_winrm_transport, ansible_winrm_scheme, ansible_winrm_server_cert_validation}; other variables are
 * ignored, passwords in the file are ignored with a warning.
 */
final class AnsibleInventory {

    private static final Pattern HEADER = Pattern.compile("\\[([A-Za-z0-9_.-]+)(?::([A-Za-z]+))?\\]");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?\\]");
    private static final int MAX_EXPANSION = 100_000;

    private record Var(String value, String origin) {
    }

    private static final class Group {
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> parents = new LinkedHashSet<>();
    }

    private static final class Host {
        final String name;
        final String origin;
        final Set<String> groups = new LinkedHashSet<>();
        final Map<String, Var> vars = new LinkedHashMap<>();
        OptionalInt port = OptionalInt.empty();

        Host(String name, String origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    private final String file;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warnedPasswordVars = new HashSet<>();

    private AnsibleInventory(String file) {
        this.file = file;
        groups.put("all", new Group());
    }

    static Inventory parse(String file, List<String> lines) {
        AnsibleInventory inv = new AnsibleInventory(file);
        inv.read(lines);
        return new Inventory(file, Inventory.Format.ANSIBLE_INI, inv.resolve(), inv.warnings);
    }

    private void read(List<String> lines) {
        String group = "ungrouped";
        String kind = "hosts";
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            Matcher h = HEADER.matcher(stripTrailingComment(text).strip());
            if (text.startsWith("[") && h.matches()) {
                group = h.group(1);
                kind = h.group(2) == null ? "hosts" : h.group(2).toLowerCase(Locale.ROOT);
                if (h.group(2) != null && !kind.equals("vars") && !kind.equals("children")) {
                    throw Inventory.bad(file, lineNo, "unknown section type ':" + h.group(2)
                            + "' (expected [group], [group:vars] or [group:children])");
                }
                groups.computeIfAbsent(group, g -> new Group());
                continue;
            }
            String origin = file + ":" + lineNo;
            switch (kind) {
                case "vars": {
                    int eq = text.indexOf('=');
                    if (eq <= 0) {
                        throw Inventory.bad(file, lineNo, "expected NAME=VALUE in [" + group + ":vars]");
                    }
                    String name = text.substring(0, eq).strip();
                    groups.get(group).vars.put(name, new Var(unquote(stripTrailingComment(text.substring(eq + 1))
                            .strip()), origin));
                    break;
                }
                case "children": {
                    String child = stripTrailingComment(text).strip();
                    if (!child.matches("[A-Za-z0-9_.-]+")) {
                        throw Inventory.bad(file, lineNo, "'" + child + "' is not a group name");
                    }
                    groups.computeIfAbsent(child, g -> new Group()).parents.add(group);
                    break;
                }
                default:
                    hostLine(group, lineNo, origin, text);
            }
        }
    }

    private void hostLine(String group, int lineNo, String origin, String text) {
        List<String> tokens = tokens(lineNo, stripTrailingComment(text));
        if (tokens.isEmpty()) {
            return;
        }
        Map<String, Var> inline = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw Inventory.bad(file, lineNo, "expected NAME=VALUE after the host name, got '" + token + "'");
            }
            inline.put(token.substring(0, eq), new Var(unquote(token.substring(eq + 1)), origin));
        }
        for (String pattern : expand(lineNo, tokens.get(0))) {
            HostPort.Parsed parsed = HostPort.parse(pattern);
            if (parsed.value().isEmpty()) {
                throw Inventory.bad(file, lineNo, parsed.problem());
            }
            HostPort hp = parsed.value().get();
            groups.computeIfAbsent(group, g -> new Group());
            Host host = hosts.computeIfAbsent(hp.host().toLowerCase(Locale.ROOT), k -> new Host(hp.host(), origin));
            host.groups.add(group);
            host.vars.putAll(inline);
            if (hp.port().isPresent()) {
                host.port = hp.port();
            }
        }
    }

    private List<InventoryHost> resolve() {
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (String g : groups.keySet()) {
            depth(g, depth, new LinkedHashSet<>());
        }
        List<InventoryHost> out = new ArrayList<>();
        for (Map.Entry<String, Host> e : hosts.entrySet()) {
            Host host = e.getValue();
            Set<String> all = new LinkedHashSet<>();
            host.groups.forEach(g -> ancestors(g, all));
            List<String> ordered = new ArrayList<>(all);
            ordered.remove("all");
            ordered.sort(Comparator.comparing((String g) -> depth.get(g)).thenComparing(g -> g));
            Map<String, Var> vars = new LinkedHashMap<>(groups.get("all").vars);
            ordered.forEach(g -> vars.putAll(groups.get(g).vars));
            vars.putAll(host.vars);
            toHost(host.name, host, vars).ifPresent(out::add);
        }
        return out;
    }

    private Optional<InventoryHost> toHost(String name, Host host, Map<String, Var> vars) {
        for (String key : vars.keySet()) {
            if (key.toLowerCase(Locale.ROOT).contains("pass")) {
                if (warnedPasswordVars.add(key)) {
                    warnings.add(vars.get(key).origin() + ": " + key + " ignored: passwords come only from "
                            + "TLSREADY_PASSWORD, --password-file or the prompt");
                }
            }
        }
        Var connection = vars.get("ansible_connection");
        if (connection != null) {
            String c = connection.value().toLowerCase(Locale.ROOT);
            if (!c.equals("winrm") && !c.equals("psrp")) {
                warnings.add(host.origin + ": " + name + " skipped: ansible_connection=" + connection.value()
                        + " is not WinRM");
                return Optional.empty();
            }
        }
        String address = name;
        Var ah = vars.get("ansible_host");
        if (ah != null) {
            HostPort.Parsed p = HostPort.parse(ah.value());
            if (p.value().isEmpty() || p.value().get().port().isPresent()) {
                throw bad(ah, "ansible_host=" + ah.value() + ": " + (p.value().isEmpty() ? p.problem()
                        : "give the port as ansible_port"));
            }
            address = p.value().get().host();
        }
        OptionalInt port = host.port;
        Var ap = vars.get("ansible_port");
        if (ap != null) {
            port = HostPort.port(ap.value());
            if (port.isEmpty()) {
                throw bad(ap, "ansible_port=" + ap.value() + " is not a number 1..65535");
            }
        }
        Optional<RemoteTarget.Transport> transport = Optional.empty();
        Var scheme = vars.get("ansible_winrm_scheme");
        if (scheme != null) {
            transport = Inventory.transport(scheme.value());
            if (transport.isEmpty()) {
                throw bad(scheme, "ansible_winrm_scheme=" + scheme.value() + ": expected https or http");
            }
        } else if (port.isPresent() && port.getAsInt() == 5985) {
            transport = Optional.of(RemoteTarget.Transport.HTTP); // Ansible's rule: no scheme and port 5985 = http
        }
        Optional<RemoteTarget.Auth> auth = Optional.empty();
        Var tv = vars.get("ansible_winrm_transport");
        if (tv != null) {
            for (String t : tv.value().split(",")) {
                auth = Inventory.auth(t);
                if (auth.isPresent()) {
                    break;
                }
            }
            if (auth.isEmpty()) {
                throw bad(tv, "ansible_winrm_transport=" + tv.value() + " is not supported (use ntlm, kerberos or "
                        + "basic)");
            }
        }
        Var user = vars.containsKey("ansible_user") ? vars.get("ansible_user") : vars.get("ansible_winrm_user");
        boolean ignoreCerts = false;
        Var cv = vars.get("ansible_winrm_server_cert_validation");
        if (cv != null) {
            String v = cv.value().toLowerCase(Locale.ROOT);
            if (!v.equals("ignore") && !v.equals("validate")) {
                throw bad(cv, "ansible_winrm_server_cert_validation=" + cv.value() + ": expected validate or ignore");
            }
            ignoreCerts = v.equals("ignore");
        }
        return Optional.of(new InventoryHost(name, address, port, transport, auth,
                user == null || user.value().isEmpty() ? Optional.empty() : Optional.of(user.value()), ignoreCerts,
                host.origin));
    }

    private io.tlsready.domain.port.EvidenceException bad(Var var, String problem) {
        return new io.tlsready.domain.port.EvidenceException(var.origin(), problem);
    }

    private void ancestors(String group, Set<String> into) {
        if (into.add(group)) {
            Group g = groups.get(group);
            if (g != null) {
                g.parents.forEach(p -> ancestors(p, into));
            }
        }
    }

    private int depth(String group, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(group);
        if (known != null) {
            return known;
        }
        if (!path.add(group)) {
            throw new io.tlsready.domain.port.EvidenceException(file, "group '" + group
                    + "' is its own ancestor ([" + group + ":children] loop)");
        }
        int d = 0;
        for (String p : groups.get(group).parents) {
            d = Math.max(d, depth(p, memo, path) + 1);
        }
        path.remove(group);
        memo.put(group, d);
        return d;
    }

    /** Host patterns with ranges expanded: {@code web[01:03]} = web01, web02, web03. */
    private List<String> expand(int lineNo, String pattern) {
        if (pattern.startsWith("[")) {
            return List.of(pattern); // an IPv6 address in brackets, not a range
        }
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            if (pattern.indexOf('[') >= 0) {
                throw Inventory.bad(file, lineNo, "'" + pattern + "': a range looks like [01:20] or [a:f]");
            }
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        List<String> tails = expand(lineNo, pattern.substring(m.end()));
        List<String> values = rangeValues(lineNo, pattern, m.group(1), m.group(2), m.group(3));
        if ((long) values.size() * tails.size() > MAX_EXPANSION) {
            throw Inventory.bad(file, lineNo, "'" + pattern + "' expands to more than " + MAX_EXPANSION + " hosts");
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String t : tails) {
                out.add(head + v + t);
            }
        }
        return out;
    }

    private List<String> rangeValues(int lineNo, String pattern, String from, String to, String stepText) {
        int step = stepText == null ? 1 : Integer.parseInt(stepText);
        boolean numeric = Character.isDigit(from.charAt(0));
        if (step < 1 || numeric != Character.isDigit(to.charAt(0))) {
            throw Inventory.bad(file, lineNo, "'" + pattern + "': bad range");
        }
        List<String> out = new ArrayList<>();
        if (numeric) {
            long a = Long.parseLong(from);
            long b = Long.parseLong(to);
            if (b < a || b - a > MAX_EXPANSION) {
                throw Inventory.bad(file, lineNo, "'" + pattern + "': bad range");
            }
            String format = from.length() > 1 && from.startsWith("0") ? "%0" + from.length() + "d" : "%d";
            for (long v = a; v <= b; v += step) {
                out.add(String.format(Locale.ROOT, format, v));
            }
        } else {
            char a = from.charAt(0);
            char b = to.charAt(0);
            if (b < a) {
                throw Inventory.bad(file, lineNo, "'" + pattern + "': bad range");
            }
            for (char c = a; c <= b; c += (char) step) {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }

    /** Whitespace-separated tokens; quotes group ({@code key="a b"}). */
    private List<String> tokens(int lineNo, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw Inventory.bad(file, lineNo, "unterminated quote");
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripTrailingComment(String text) {
        return Inventory.stripComment(text);
    }
}
