package io.tlsready.adapters.winrm.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MD4 message digest (RFC 1320), needed for the NT one-way function (MS-NLMP 3.3.1 NTOWFv1, 3.3.2 NTOWFv2).
 * The JDK ships no MD4 {@code MessageDigest} by default, so this is a small, allocation-light implementation
 * written from the RFC text. MD4 is broken as a general hash; it is used here only because NTLM requires it.
 */
public final class Md4 {

    private static final int BLOCK = 64;
    private static final int ROUND2 = 0x5a827999;
    private static final int ROUND3 = 0x6ed9eba1;

    private Md4() {
    }

    /** MD4 of {@code input}: 16 bytes. */
    public static byte[] digest(byte[] input) {
        // RFC 1320 3.1-3.2: pad with 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian.
        long bitLength = (long) input.length * 8;
        int paddedLength = ((input.length + 8) / BLOCK + 1) * BLOCK;
        ByteBuffer buffer = ByteBuffer.allocate(paddedLength).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(input).put((byte) 0x80);
        buffer.putLong(paddedLength - 8, bitLength);

        // RFC 1320 3.3: initial buffer.
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < paddedLength; block += BLOCK) {
            for (int i = 0; i < 16; i++) {
                x[i] = buffer.getInt(block + i * 4);
            }
            processBlock(state, x);
        }
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : state) {
            out.putInt(word);
        }
        return out.array();
    }

    /** RFC 1320 3.4: the three rounds over one 16-word block. */
    private static void processBlock(int[] state, int[] x) {
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];

        int[] shifts1 = {3, 7, 11, 19};
        for (int i = 0; i < 16; i += 4) {
            a = Integer.rotateLeft(a + f(b, c, d) + x[i], shifts1[0]);
            d = Integer.rotateLeft(d + f(a, b, c) + x[i + 1], shifts1[1]);
            c = Integer.rotateLeft(c + f(d, a, b) + x[i + 2], shifts1[2]);
            b = Integer.rotateLeft(b + f(c, d, a) + x[i + 3], shifts1[3]);
        }

        int[] shifts2 = {3, 5, 9, 13};
        for (int i = 0; i < 4; i++) {
            a = Integer.rotateLeft(a + g(b, c, d) + x[i] + ROUND2, shifts2[0]);
            d = Integer.rotateLeft(d + g(a, b, c) + x[i + 4] + ROUND2, shifts2[1]);
            c = Integer.rotateLeft(c + g(d, a, b) + x[i + 8] + ROUND2, shifts2[2]);
            b = Integer.rotateLeft(b + g(c, d, a) + x[i + 12] + ROUND2, shifts2[3]);
        }

        int[] shifts3 = {3, 9, 11, 15};
        int[] order3 = {0, 2, 1, 3};
        for (int i : order3) {
            a = Integer.rotateLeft(a + h(b, c, d) + x[i] + ROUND3, shifts3[0]);
            d = Integer.rotateLeft(d + h(a, b, c) + x[i + 8] + ROUND3, shifts3[1]);
            c = Integer.rotateLeft(c + h(d, a, b) + x[i + 4] + ROUND3, shifts3[2]);
            b = Integer.rotateLeft(b + h(c, d, a) + x[i + 12] + ROUND3, shifts3[3]);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }

    private static int f(int x, int y, int z) {
        return (x & y) | (~x & z);
    }

    private static int g(int x, int y, int z) {
        return (x & y) | (x & z) | (y & z);
    }

    private static int h(int x, int y, int z) {
        return x ^ y ^ z;
    }
}
