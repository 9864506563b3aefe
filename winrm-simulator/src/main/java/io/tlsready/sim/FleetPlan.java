package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * Lays out a fleet of N hosts from one evidence set: consecutive loopback addresses from a base (127.0.1.1,
 * 127.0.1.2, … 127.0.2.244 for 500 hosts), one port, and injected faults on seeded random fractions of the hosts.
 * Each failing host fails in exactly one way (the fractions take disjoint slices of one seeded shuffle), so "10%
 * reset, 10% stall" means 20% of the hosts fail; latency applies to a fraction of hosts on top of that.
 *
 * @param count       hosts
 * @param base        the first address (must leave room for {@code count} addresses inside 127.0.0.0/8)
 * @param port        every host's port (0: a free port each)
 * @param auth        how callers authenticate
 * @param user        the account on every host
 * @param password    its password
 * @param latency     injected latency
 * @param latencyShare fraction of hosts with that latency (1.0 = all)
 * @param faults      fraction of hosts per fault kind
 * @param seed        seed of the shuffle that picks failing and slow hosts
 * @param writeFaults fraction of hosts per write fault ({@code write-denied:KEY}, {@code drop-after:N}): 1.0 puts
 *                    it on every host (on top of any other fault); a smaller fraction takes a further disjoint
 *                    slice after {@code faults}
 */
public record FleetPlan(int count, String base, int port, HostSpec.Auth auth, String user, char[] password,
        Duration latency, double latencyShare, Map<FaultKind, Double> faults, long seed,
        Map<WriteFault, Double> writeFaults) {

    public FleetPlan(int count, String base, int port, HostSpec.Auth auth, String user, char[] password,
            Duration latency, double latencyShare, Map<FaultKind, Double> faults, long seed) {
        this(count, base, port, auth, user, password, latency, latencyShare, faults, seed, Map.of());
    }

    public FleetPlan {
        if (count < 1) {
            throw new IllegalArgumentException("a fleet needs at least one host");
        }
        Objects.requireNonNull(base, "base");
        faults = faults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(faults));
        TreeMap<String, Map.Entry<WriteFault, Double>> byLabel = new TreeMap<>();
        writeFaults.forEach((f, share) -> byLabel.put(f.label(), Map.entry(f, share)));
        LinkedHashMap<WriteFault, Double> ordered = new LinkedHashMap<>();
        byLabel.values().forEach(e -> ordered.put(e.getKey(), e.getValue()));
        writeFaults = Collections.unmodifiableMap(ordered);
        double total = faults.values().stream().mapToDouble(Double::doubleValue).sum()
                + writeFaults.values().stream().filter(f -> f < 1.0).mapToDouble(Double::doubleValue).sum();
        if (faults.values().stream().anyMatch(f -> f < 0 || f > 1)
                || writeFaults.values().stream().anyMatch(f -> f < 0 || f > 1) || total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault fractions must be within 0..1 and add up to at most 1");
        }
        if (latencyShare < 0 || latencyShare > 1) {
            throw new IllegalArgumentException("the latency fraction must be within 0..1");
        }
    }

    /** The host specs: names {@code sim-0001}…, facts renamed per host when there is more than one. */
    public List<HostSpec> hosts(HostFacts facts) {
        int first = addressValue(base);
        if ((first >>> 24) != 127 || ((first + count - 1) >>> 24) != 127) {
            throw new IllegalArgumentException(count + " hosts from " + base + " do not fit in 127.0.0.0/8");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        FaultKind[] kindOf = new FaultKind[count];
        int at = 0;
        for (FaultKind kind : FaultKind.values()) {
            int n = (int) Math.round(faults.getOrDefault(kind, 0.0) * count);
            for (int i = 0; i < n && at < count; i++) {
                kindOf[order.get(at++)] = kind;
            }
        }
        WriteFault[] writeFaultOf = new WriteFault[count];
        for (Map.Entry<WriteFault, Double> e : writeFaults.entrySet()) {
            if (e.getValue() >= 1.0) {
                continue;
            }
            int n = (int) Math.round(e.getValue() * count);
            for (int i = 0; i < n && at < count; i++) {
                writeFaultOf[order.get(at++)] = e.getKey();
            }
        }
        List<Integer> slowOrder = new ArrayList<>(order);
        Collections.shuffle(slowOrder, random);
        boolean[] slow = new boolean[count];
        int slowCount = (int) Math.round(latencyShare * count);
        for (int i = 0; i < slowCount; i++) {
            slow[slowOrder.get(i)] = true;
        }
        int width = Math.max(4, String.valueOf(count).length());
        List<HostSpec> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = count == 1 ? facts.systemInfo().asOptional().flatMap(si -> si.hostName())
                    .orElse("sim-1") : String.format("sim-%0" + width + "d", i + 1);
            HostFacts own = count == 1 ? facts : EvidenceFacts.renamed(facts, name);
            HostSpec spec = HostSpec.of(name, addressText(first + i), port, auth, user, password, own);
            if (slow[i]) {
                spec = spec.withLatency(latency);
            }
            if (kindOf[i] != null) {
                spec = spec.withFault(kindOf[i]);
            }
            if (writeFaultOf[i] != null) {
                spec = spec.withWriteFault(writeFaultOf[i]);
            }
            for (Map.Entry<WriteFault, Double> e : writeFaults.entrySet()) {
                if (e.getValue() >= 1.0) {
                    spec = spec.withWriteFault(e.getKey());
                }
            }
            out.add(spec);
        }
        return out;
    }

    static int addressValue(String text) {
        try {
            byte[] b = InetAddress.getByName(text).getAddress();
            if (b.length != 4) {
                throw new IllegalArgumentException("the fleet base must be an IPv4 loopback address: " + text);
            }
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }

    static String addressText(int value) {
        return (value >>> 24) + "." + (value >>> 16 & 0xFF) + "." + (value >>> 8 & 0xFF) + "." + (value & 0xFF);
    }

    @Override
    public String toString() {
        return "FleetPlan[" + count + " hosts from " + base + ":" + port + ", " + auth + ", user=" + user
                + ", password=***, latency=" + latency.toMillis() + "ms x" + latencyShare + ", faults=" + faults
                + ", seed=" + seed + (writeFaults.isEmpty() ? "" : ", writeFaults=" + writeFaults) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetPlan p && p.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
