package io.tlsready.regf;

import java.util.HashSet;
import java.util.Set;

/**
 * Iterates the entries of a key's subkey list ("Subkeys list": li, lf, lh, or an ri index of such leaves).
 * Entry counts are capped by what fits in each cell, so a damaged count cannot cause unbounded work.
 */
final class SubkeyLists {

    /** Receives one list entry; returns false to stop. {@code hint} is the lf hint or lh hash, 0 for li. */
    interface Sink {
        boolean accept(int nkOffset, short leafType, int hint);
    }

    private SubkeyLists() {
    }

    static void forEach(Hive hive, String keyPath, int listOffset, Sink sink) {
        HiveImage img = hive.image();
        Cell list = hive.cell(listOffset, keyPath, "subkey list");
        if (list == null) {
            return;
        }
        short sig = list.signature(img);
        if (sig != Hive.SIG_RI) {
            leaf(hive, keyPath, list, sig, sink);
            return;
        }
        int n = count(hive, keyPath, list, 4);
        // An ri entry naming the same leaf twice would list its keys twice.
        Set<Integer> leaves = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int leafOffset = img.getInt(list.data() + 4 + 4L * i);
            if (!leaves.add(leafOffset)) {
                hive.warn(keyPath, leafOffset & 0xFFFF_FFFFL, "index (ri) lists the same subkey list twice; skipped");
                continue;
            }
            Cell leaf = hive.cell(leafOffset, keyPath, "subkey list (ri entry " + i + ")");
            if (leaf == null) {
                continue;
            }
            short leafSig = leaf.signature(img);
            if (leafSig == Hive.SIG_RI) {
                // "ri" lists are never nested (spec); following one could recurse without bound.
                hive.warn(keyPath, leaf.offset() & 0xFFFF_FFFFL, "nested index (ri) list; skipped");
                continue;
            }
            if (!leaf(hive, keyPath, leaf, leafSig, sink)) {
                return;
            }
        }
    }

    private static boolean leaf(Hive hive, String keyPath, Cell leaf, short sig, Sink sink) {
        int stride;
        if (sig == Hive.SIG_LI) {
            stride = 4;
        } else if (sig == Hive.SIG_LF || sig == Hive.SIG_LH) {
            stride = 8;
        } else {
            hive.warn(keyPath, leaf.offset() & 0xFFFF_FFFFL, "subkey list has unknown signature 0x"
                    + Integer.toHexString(sig & 0xFFFF) + "; its subkeys are skipped");
            return true;
        }
        HiveImage img = hive.image();
        int n = count(hive, keyPath, leaf, stride);
        for (int i = 0; i < n; i++) {
            long entry = leaf.data() + 4 + (long) stride * i;
            int hint = stride == 8 ? img.getInt(entry + 4) : 0;
            if (!sink.accept(img.getInt(entry), sig, hint)) {
                return false;
            }
        }
        return true;
    }

    /** The list's 16-bit element count, cut to the elements that fit in the cell. */
    private static int count(Hive hive, String keyPath, Cell list, int stride) {
        if (list.length() < 4) {
            hive.warn(keyPath, list.offset() & 0xFFFF_FFFFL, "subkey list cell too small; skipped");
            return 0;
        }
        int n = hive.image().getShort(list.data() + 2) & 0xFFFF;
        int fits = (list.length() - 4) / stride;
        if (n > fits) {
            hive.warn(keyPath, list.offset() & 0xFFFF_FFFFL, "subkey list claims " + n + " entries but its cell holds "
                    + fits + "; reading " + fits);
            return fits;
        }
        return n;
    }
}
