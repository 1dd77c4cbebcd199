package io.github.occam.examples.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Small gzipped IDX files for the downloader's tests, built byte by byte from the format. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** Magic 0x0000 08 RR (unsigned bytes), the big-endian dimensions, then the data. */
    private static byte[] ubyte(int[] dimensions, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** n images of rows x cols whose pixel (i, k) is (7 i + 3 k) mod 256. */
    static byte[] images(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((7 * (i / (rows * cols)) + 3 * (i % (rows * cols))) % 256);
        }
        return ubyte(new int[] {n, rows, cols}, data);
    }

    /** n labels, label i = i mod 10. */
    static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return ubyte(new int[] {n}, data);
    }
}
