package io.tlsready.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiveImageTest {

    @Test
    void byte_array_image_is_little_endian_and_bounds_checked() {
        HiveImage img = new ByteArrayHiveImage(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(img.getShort(0)).isEqualTo((short) 0x0201);
        assertThat(img.getInt(1)).isEqualTo(0x05040302);
        assertThat(img.getLong(1)).isEqualTo(0x0908070605040302L);
        byte[] dst = new byte[3];
        img.get(6, dst, 0, 3);
        assertThat(dst).containsExactly(7, 8, 9);
        assertThatThrownBy(() -> img.getInt(6)).isInstanceOf(HiveFormatException.class);
        assertThatThrownBy(() -> img.get(-1)).isInstanceOf(HiveFormatException.class);
        assertThatThrownBy(() -> img.get(7, dst, 0, 3)).isInstanceOf(HiveFormatException.class);
    }

    /** A sparse file just over 2 GiB: reads across the 1 GiB chunk seams of the mapping. */
    @Test
    void mapped_image_reads_across_chunk_seams(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big");
        long seam = 1L << 30;
        long size = (2L << 30) + 4096;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            for (long at : new long[] {seam - 4, 2 * seam - 4, size - 8}) {
                raf.seek(at);
                raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        MappedHiveImage img = MappedHiveImage.open(file);
        assertThat(img.size()).isEqualTo(size);
        assertThat(img.getLong(seam - 4)).isEqualTo(0x0807060504030201L);
        assertThat(img.getInt(2 * seam - 2)).isEqualTo(0x06050403);
        assertThat(img.getLong(size - 8)).isEqualTo(0x0807060504030201L);
        byte[] dst = new byte[8];
        img.get(2 * seam - 4, dst, 0, 8);
        assertThat(dst).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(() -> img.getInt(size - 2)).isInstanceOf(HiveFormatException.class);
        Files.delete(file);
    }
}
