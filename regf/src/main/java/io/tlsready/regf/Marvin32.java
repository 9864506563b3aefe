package io.tlsready.regf;

/**
 * Marvin32, Microsoft's keyed 32-bit-word hash (N. Ferguson; public reference: .NET {@code System.Marvin}), with the
 * 64-bit output {@code (s1 << 32) | s0} used by registry transaction logs for the Hash-1/Hash-2 fields of
 * {@code HvLE} log entries (regf spec, "New format" - "Log entries", notes 1-3).
 *
 * <p>Streaming: {@link #update} may be called with any split of the input; {@link #finish} may be called once.
 */
final class Marvin32 {

    /**
     * Seed of the registry log hashes. The spec lists it as the bytes {@code 82 EF 4D 88 7A 4E 55 C5}, i.e. the 64-bit
     * number written most significant byte first (s0 = 0x7A4E55C5, s1 = 0x82EF4D88); checked against every stored hash
     * of the corpus logs.
     */
    static final long REGISTRY_LOG_SEED = 0x82EF4D887A4E55C5L;

    private static final int BUFFER = 64 * 1024;

    private int s0;
    private int s1;
    /** Bytes of an incomplete 32-bit word carried over between {@link #update} calls. */
    private int carry;
    private int carryLen;
    private boolean finished;

    Marvin32(long seed) {
        s0 = (int) seed;
        s1 = (int) (seed >>> 32);
    }

    /** Hash of {@code data[off..off+len)}. */
    static long hash(long seed, byte[] data, int off, int len) {
        Marvin32 m = new Marvin32(seed);
        m.update(data, off, len);
        return m.finish();
    }

    /** Hash of {@code len} bytes of {@code image} from {@code off}, read in bounded chunks (no full copy). */
    static long hash(long seed, HiveImage image, long off, long len) {
        Marvin32 m = new Marvin32(seed);
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(0, len))];
        long pos = off;
        long left = len;
        while (left > 0) {
            int n = (int) Math.min(buf.length, left);
            image.get(pos, buf, 0, n);
            m.update(buf, 0, n);
            pos += n;
            left -= n;
        }
        return m.finish();
    }

    void update(byte[] data, int off, int len) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int i = off;
        int end = off + len;
        while (carryLen > 0 && carryLen < 4 && i < end) {
            carry |= (data[i++] & 0xFF) << (8 * carryLen);
            carryLen++;
        }
        if (carryLen == 4) {
            word(carry);
            carry = 0;
            carryLen = 0;
        }
        while (end - i >= 4) {
            word((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24);
            i += 4;
        }
        while (i < end) {
            carry |= (data[i++] & 0xFF) << (8 * carryLen);
            carryLen++;
        }
    }

    /** Pads the last 0-3 bytes with 0x80 as the reference does and returns {@code (s1 << 32) | s0}. */
    long finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        // carry already holds the tail bytes little-endian; the 0x80 marker follows them.
        s0 += carry | (0x80 << (8 * carryLen));
        block();
        block();
        return ((long) s1 << 32) | (s0 & 0xFFFF_FFFFL);
    }

    private void word(int w) {
        s0 += w;
        block();
    }

    private void block() {
        s1 ^= s0;
        s0 = Integer.rotateLeft(s0, 20);
        s0 += s1;
        s1 = Integer.rotateLeft(s1, 9);
        s1 ^= s0;
        s0 = Integer.rotateLeft(s0, 27);
        s0 += s1;
        s1 = Integer.rotateLeft(s1, 19);
    }
}
