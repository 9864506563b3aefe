package io.tlsready.regf;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The corpus hives ({@code Corpus.dir("hives")}) as the tests read them: opened without recovery, walked whole.
 * Where the corpus is, and what happens when it is missing, is {@link Corpus}'s business.
 */
public final class HiveCorpus {

    private HiveCorpus() {
    }

    /** The hive at {@code relative} below the corpus hives, e.g. {@code "regipy/SYSTEM"}, mapped and opened. */
    public static Hive open(String relative) {
        try {
            return Hive.open(MappedHiveImage.open(Corpus.file("hives", relative)), relative);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys (root included), values and warnings of a full walk that also decodes every value. */
    public record Counts(long keys, long values, int warnings) {
    }

    public static Counts walk(Hive hive) {
        long[] n = new long[2];
        HiveWalker.walk(hive, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                n[0]++;
                return true;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                n[1]++;
                decoded(value);
            }
        });
        return new Counts(n[0], n[1], hive.warnings().size());
    }

    /** The value {@code name} of {@code key}, which must exist, decoded: see {@link #decoded}. */
    public static RegValue value(HiveKey key, String name) {
        return decoded(key.value(name).orElseThrow());
    }

    /** The value as the hive adapter reads it: its data decoded by the domain's one decoder. */
    public static RegValue decoded(HiveValue value) {
        return RegistryData.decode(value.type(), value.data());
    }
}
