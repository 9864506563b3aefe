package io.tlsready.regf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small synthetic regf images for unit tests: one hive bin, lh subkey lists, optional big data. Public for
 * the hive adapter's tests (the regf test-jar).
 */
public final class TestHiveBuilder {

    private final ByteBuffer bins = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> values = new LinkedHashMap<>();
    private final int minor;
    private final int root;

    public TestHiveBuilder(int minor) {
        this.minor = minor;
        bins.position(32);
        root = nk(-1, "ROOT", 0x2C);
    }

    public int root() {
        return root;
    }

    public int key(int parent, String name) {
        int k = nk(parent, name, latin1(name) ? 0x20 : 0);
        children.get(parent).add(k);
        return k;
    }

    /** Adds a value; returns its vk cell's offset (for {@link #patch}). */
    public int value(int key, String name, int type, byte[] data) {
        ByteBuffer vk = le(20 + name.length() * 2);
        byte[] n = latin1(name) ? name.getBytes(StandardCharsets.ISO_8859_1) : name.getBytes(StandardCharsets.UTF_16LE);
        vk.put((byte) 'v').put((byte) 'k').putShort((short) n.length);
        if (data.length <= 4) {
            vk.putInt(data.length | 0x8000_0000);
            vk.put(java.util.Arrays.copyOf(data, 4));
        } else if (data.length > HiveValue.SEGMENT && minor > 3) {
            vk.putInt(data.length).putInt(bigData(data));
        } else {
            vk.putInt(data.length).putInt(cell(data));
        }
        vk.putInt(type).putShort((short) (latin1(name) ? 1 : 0)).putShort((short) 0).put(n);
        int vkCell = cell(trim(vk));
        values.get(key).add(vkCell);
        return vkCell;
    }

    /** Patches a 32-bit field of the data of the cell at {@code cellOffset}. */
    public void patch(int cellOffset, int fieldOffset, int value) {
        bins.putInt(cellOffset + 4 + fieldOffset, value);
    }

    public int cell(byte[] data) {
        int off = bins.position();
        int size = (data.length + 4 + 7) & ~7;
        bins.putInt(-size).put(data);
        bins.position(off + size);
        return off;
    }

    public byte[] build() {
        for (Map.Entry<Integer, List<Integer>> e : children.entrySet()) {
            List<Integer> subs = e.getValue();
            if (!subs.isEmpty()) {
                ByteBuffer lh = le(4 + 8 * subs.size());
                lh.put((byte) 'l').put((byte) 'h').putShort((short) subs.size());
                for (int s : subs) {
                    lh.putInt(s).putInt(HiveKey.lhHash(name(s)));
                }
                int list = cell(lh.array());
                patch(e.getKey(), 20, subs.size());
                patch(e.getKey(), 28, list);
            }
        }
        for (Map.Entry<Integer, List<Integer>> e : values.entrySet()) {
            List<Integer> vs = e.getValue();
            if (!vs.isEmpty()) {
                ByteBuffer list = le(4 * vs.size());
                vs.forEach(list::putInt);
                patch(e.getKey(), 36, vs.size());
                patch(e.getKey(), 40, cell(list.array()));
            }
        }
        int binsSize = (bins.position() + 4095) & ~4095;
        int end = bins.position();
        if (end < binsSize) {
            bins.putInt(end, binsSize - end); // one free cell fills the rest of the bin
        }
        bins.put(0, "hbin".getBytes(StandardCharsets.US_ASCII)).putInt(4, 0).putInt(8, binsSize);
        ByteBuffer out = ByteBuffer.allocate(4096 + binsSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("regf".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(1).putLong(0).putInt(1).putInt(minor)
                .putInt(0).putInt(1).putInt(root).putInt(binsSize).putInt(1);
        out.putInt(508, Hive.checksum(new ByteArrayHiveImage(out.array())));
        out.position(4096);
        out.put(bins.array(), 0, binsSize);
        return out.array();
    }

    private int nk(int parent, String name, int flags) {
        byte[] n = (flags & 0x20) != 0 ? name.getBytes(StandardCharsets.ISO_8859_1)
                : name.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer nk = le(76 + n.length);
        nk.put((byte) 'n').put((byte) 'k').putShort((short) flags).putLong(0).putInt(0).putInt(parent)
                .putInt(0).putInt(0).putInt(-1).putInt(-1).putInt(0).putInt(-1).putInt(-1).putInt(-1);
        nk.position(72);
        nk.putShort((short) n.length).putShort((short) 0).put(n);
        int off = cell(nk.array());
        children.put(off, new ArrayList<>());
        values.put(off, new ArrayList<>());
        return off;
    }

    private String name(int nk) {
        int len = bins.getShort(nk + 4 + 72);
        byte[] b = new byte[len];
        bins.get(nk + 4 + 76, b);
        return (bins.getShort(nk + 4 + 2) & 0x20) != 0 ? new String(b, StandardCharsets.ISO_8859_1)
                : new String(b, StandardCharsets.UTF_16LE);
    }

    private int bigData(byte[] data) {
        List<Integer> segs = new ArrayList<>();
        for (int i = 0; i < data.length; i += HiveValue.SEGMENT) {
            segs.add(cell(java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + HiveValue.SEGMENT))));
        }
        ByteBuffer list = le(4 * segs.size());
        segs.forEach(list::putInt);
        int listCell = cell(list.array());
        ByteBuffer db = le(8);
        db.put((byte) 'd').put((byte) 'b').putShort((short) segs.size()).putInt(listCell);
        return cell(db.array());
    }

    private static boolean latin1(String s) {
        return s.chars().allMatch(c -> c < 0x100);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] trim(ByteBuffer b) {
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
