package io.tlsready.adapters.winrm.ntlm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An ordered AV_PAIR list (MS-NLMP 2.2.1.2 TargetInfo, 2.2.2.7 NTLMv2_CLIENT_CHALLENGE.AvPairs), without the
 * terminating MsvAvEOL, which {@link #encode()} appends and {@link #decode} requires.
 */
public final class AvPairs {

    private static final AvPairs EMPTY = new AvPairs(List.of());

    private final List<AvPair> pairs;

    private AvPairs(List<AvPair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static AvPairs empty() {
        return EMPTY;
    }

    /** A list of the given pairs; an MsvAvEOL among them is rejected (it is implicit). */
    public static AvPairs of(List<AvPair> pairs) {
        for (AvPair pair : pairs) {
            if (pair.id() == AvId.MSV_AV_EOL.code()) {
                throw new IllegalArgumentException("MsvAvEOL is appended by encode(), do not add it");
            }
        }
        return new AvPairs(pairs);
    }

    public List<AvPair> pairs() {
        return pairs;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The first pair with this id. */
    public Optional<AvPair> get(AvId id) {
        return pairs.stream().filter(p -> p.id() == id.code()).findFirst();
    }

    public Optional<String> string(AvId id) {
        return get(id).map(AvPair::stringValue);
    }

    /** MsvAvTimestamp as a FILETIME, if present. */
    public OptionalLong timestamp() {
        Optional<AvPair> pair = get(AvId.MSV_AV_TIMESTAMP);
        return pair.isPresent() ? OptionalLong.of(pair.get().longValue()) : OptionalLong.empty();
    }

    /** MsvAvFlags, if present. */
    public OptionalInt flags() {
        Optional<AvPair> pair = get(AvId.MSV_AV_FLAGS);
        return pair.isPresent() ? OptionalInt.of(pair.get().intValue()) : OptionalInt.empty();
    }

    /** A copy where the first pair with this id is replaced in place, or the pair appended when absent. */
    public AvPairs with(AvPair replacement) {
        List<AvPair> copy = new ArrayList<>(pairs);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id() == replacement.id()) {
                copy.set(i, replacement);
                return of(copy);
            }
        }
        copy.add(replacement);
        return of(copy);
    }

    /** The pairs followed by MsvAvEOL. */
    public byte[] encode() {
        Wire.Writer writer = new Wire.Writer();
        for (AvPair pair : pairs) {
            writer.u16(pair.id()).u16(pair.value().length).bytes(pair.value());
        }
        return writer.u16(AvId.MSV_AV_EOL.code()).u16(0).toByteArray();
    }

    /**
     * Parses pairs up to MsvAvEOL; bytes after the EOL are ignored (the NTLMv2 temp blob ends with Z(4)). Pairs with
     * a fixed size (flags, timestamp, channel bindings) and Unicode names of odd length are rejected.
     */
    public static AvPairs decode(byte[] data) {
        WireReader reader = new WireReader(data, "AV_PAIR list");
        List<AvPair> pairs = new ArrayList<>();
        int offset = 0;
        while (true) {
            if (offset + 4 > data.length) {
                throw new NtlmException("AV_PAIR list is not terminated by MsvAvEOL");
            }
            int id = reader.u16(offset, "AvId");
            int len = reader.u16(offset + 2, "AvLen");
            AvId known = AvId.of(id);
            if (known == AvId.MSV_AV_EOL) {
                if (len != 0) {
                    throw new NtlmException("AV_PAIR list: MsvAvEOL has a non-zero length " + len);
                }
                return new AvPairs(pairs);
            }
            byte[] value = reader.bytes(offset + 4, len, "AV_PAIR value");
            if (known != null && known.fixedLength() >= 0 && len != known.fixedLength()) {
                throw new NtlmException("AV_PAIR list: " + known.name() + " must be " + known.fixedLength()
                        + " bytes, was " + len);
            }
            if (known != null && known.isString() && len % 2 != 0) {
                throw new NtlmException("AV_PAIR list: " + known.name() + " is Unicode but has an odd length " + len);
            }
            pairs.add(new AvPair(id, value));
            offset += 4 + len;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AvPairs && ((AvPairs) other).pairs.equals(pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
