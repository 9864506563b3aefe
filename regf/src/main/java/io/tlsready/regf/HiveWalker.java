package io.tlsready.regf;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;

/**
 * Visits a key, its values and all keys below it, depth-first in list order, with an explicit stack so that deep
 * hives cannot overflow the Java stack. Each key cell is visited at most once per walk, so a damaged hive whose lists
 * share or loop back to keys still gives a finite walk (repeats are reported as warnings).
 */
public final class HiveWalker {

    /** Callbacks of a walk. */
    public interface Visitor {

        /** Called for each key before its values and subkeys; return false to skip both. */
        boolean enterKey(HiveKey key, int depth);

        /** Called for each value of an entered key, in list order. */
        default void value(HiveKey key, HiveValue value) {
        }

        /** Called after all subkeys of an entered key were visited. */
        default void leaveKey(HiveKey key, int depth) {
        }
    }

    private HiveWalker() {
    }

    /** Walks the whole hive from its root. */
    public static void walk(Hive hive, Visitor visitor) {
        walk(hive, hive.root(), visitor);
    }

    /** Walks {@code start} (a key of {@code hive}) and everything below it. */
    public static void walk(Hive hive, HiveKey start, Visitor visitor) {
        // Cells are 8-byte aligned, so offset / 8 indexes a bit per possible cell.
        BitSet visited = new BitSet();
        Deque<Frame> stack = new ArrayDeque<>();
        visited.set(index(start));
        enter(start, 0, visitor, stack);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (!top.children.hasNext()) {
                stack.pop();
                visitor.leaveKey(top.key, top.depth);
                continue;
            }
            HiveKey child = top.children.next();
            int i = index(child);
            if (visited.get(i)) {
                hive.warn(top.key.path(), child.cellOffset(), "key cell reached a second time (shared or looping"
                        + " subkey lists); not walked again");
                continue;
            }
            visited.set(i);
            enter(child, top.depth + 1, visitor, stack);
        }
    }

    private static void enter(HiveKey key, int depth, Visitor visitor, Deque<Frame> stack) {
        if (!visitor.enterKey(key, depth)) {
            return;
        }
        for (HiveValue v : key.values()) {
            visitor.value(key, v);
        }
        stack.push(new Frame(key, depth, key.subkeys().iterator()));
    }

    private static int index(HiveKey key) {
        return (int) (key.cellOffset() >>> 3);
    }

    private static final class Frame {
        final HiveKey key;
        final int depth;
        final Iterator<HiveKey> children;

        Frame(HiveKey key, int depth, Iterator<HiveKey> children) {
            this.key = key;
            this.depth = depth;
            this.children = children;
        }
    }
}
