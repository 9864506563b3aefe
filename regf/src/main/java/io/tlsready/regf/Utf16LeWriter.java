package io.tlsready.regf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered Writer that emits UTF-16LE by copying each char's two bytes: the format regedit exports in.
 * A CharsetEncoder does the same with far more work per char, which shows on a 30 MB export.
 */
final class Utf16LeWriter extends Writer {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    Utf16LeWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (pos + 2 > buf.length) {
            drain();
        }
        buf[pos++] = (byte) c;
        buf[pos++] = (byte) (c >>> 8);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            write(cbuf[off + i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            if (pos + 2 > buf.length) {
                drain();
            }
            char c = s.charAt(off + i);
            buf[pos++] = (byte) c;
            buf[pos++] = (byte) (c >>> 8);
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
