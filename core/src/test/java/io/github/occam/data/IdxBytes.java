package io.github.occam.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte, following the format description, for the reader's tests. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** Magic 0x0000 TT RR, then the big-endian dimensions, then the data. */
    static byte[] idx(int type, int[] dimensions, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    static byte[] ubyte(int[] dimensions, byte[] data) {
        return idx(0x08, dimensions, data);
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
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                data[i * rows * cols + k] = (byte) ((7 * i + 3 * k) % 256);
            }
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
