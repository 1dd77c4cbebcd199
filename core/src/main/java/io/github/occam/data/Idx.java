package io.github.occam.data;

import io.github.occam.internal.Checks;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files in the IDX format of the MNIST database, raw or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number {@code 0x0000TTRR} (two zero bytes, the data type
 * {@code TT} and the rank {@code RR}), then {@code RR} big-endian 32-bit dimensions, then the
 * values in row-major order. MNIST images have magic {@code 0x00000803} (unsigned bytes, rank 3)
 * and labels {@code 0x00000801} (unsigned bytes, rank 1). Only the
 * unsigned-byte type {@code 0x08} is read. A stream that starts with the gzip magic bytes
 * {@code 0x1f 0x8b} is decompressed first, whatever its name.
 *
 * <p>The reader checks, and reports as a {@link CorruptDataException} that names the file: the
 * magic number (first two bytes zero, type 0x08, the expected rank when one is given), a header
 * cut short, negative dimensions or dimensions whose product exceeds the largest Java array,
 * data cut short (with the expected and actual byte counts), bytes left after the data, and a
 * damaged gzip stream.
 *
 * <pre>{@code
 * IdxArray images = Idx.read(Path.of("train-images-idx3-ubyte.gz"), 3);
 * IdxArray labels = Idx.read(Path.of("train-labels-idx1-ubyte.gz"), 1);
 * }</pre>
 */
public final class Idx {

    /** Magic number of an MNIST image file: unsigned bytes, rank 3. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of an MNIST label file: unsigned bytes, rank 1. */
    public static final int LABELS_MAGIC = 0x00000801;

    /** The IDX data type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** Largest array length the reader accepts (the usual JVM array limit). */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Idx() {
    }

    /**
     * Reads an IDX file of unsigned bytes of any rank.
     *
     * @param file the file, raw or gzip-compressed
     * @return its dimensions and data
     * @throws CorruptDataException if the content is not a valid IDX file of unsigned bytes
     * @throws IOException if the file cannot be read
     */
    public static IdxArray read(Path file) throws IOException {
        return read(file, 0);
    }

    /**
     * Reads an IDX file of unsigned bytes and checks its rank.
     *
     * @param file the file, raw or gzip-compressed
     * @param expectedRank the rank the magic number must announce (3 for images, 1 for labels),
     *     or 0 to accept any rank
     * @return its dimensions and data
     * @throws CorruptDataException if the content is not a valid IDX file of that rank
     * @throws IOException if the file cannot be read
     */
    public static IdxArray read(Path file, int expectedRank) throws IOException {
        Checks.notNull("file", file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), expectedRank);
        }
    }

    /**
     * Reads an IDX stream of unsigned bytes of any rank to its end. The stream is not closed.
     *
     * @param in the stream, raw or gzip-compressed
     * @param source a name for the stream, used in error messages
     * @return its dimensions and data
     * @throws CorruptDataException if the content is not a valid IDX stream of unsigned bytes
     * @throws IOException if the stream cannot be read
     */
    public static IdxArray read(InputStream in, String source) throws IOException {
        return read(in, source, 0);
    }

    /**
     * Reads an IDX stream of unsigned bytes to its end and checks its rank. The stream is not
     * closed.
     *
     * @param in the stream, raw or gzip-compressed
     * @param source a name for the stream, used in error messages
     * @param expectedRank the rank the magic number must announce, or 0 to accept any rank
     * @return its dimensions and data
     * @throws CorruptDataException if the content is not a valid IDX stream of that rank
     * @throws IOException if the stream cannot be read
     */
    public static IdxArray read(InputStream in, String source, int expectedRank)
            throws IOException {
        Checks.notNull("in", in);
        Checks.notNull("source", source);
        if (expectedRank < 0 || expectedRank > 255) {
            throw new IllegalArgumentException(
                    "expectedRank must be in [0, 255], got " + expectedRank);
        }
        InputStream content = decompressIfGzip(in, source);
        try {
            return parse(content, source, expectedRank);
        } catch (ZipException e) {
            throw new CorruptDataException(source, "damaged gzip stream: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressIfGzip(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GZIPInputStream(buffered, 1 << 16);
            } catch (EOFException | ZipException e) {
                throw new CorruptDataException(source, "damaged gzip header: " + e, e);
            }
        }
        return buffered;
    }

    private static IdxArray parse(InputStream in, String source, int expectedRank)
            throws IOException {
        byte[] magicBytes = new byte[4];
        int got = readFully(in, magicBytes);
        if (got < 4) {
            throw new CorruptDataException(source, "truncated header: expected at least 4 bytes"
                    + " (the magic number), got " + got);
        }
        int magic = bigEndian(magicBytes, 0);
        int type = magicBytes[2] & 0xFF;
        int rank = magicBytes[3] & 0xFF;
        if (magicBytes[0] != 0 || magicBytes[1] != 0) {
            throw new CorruptDataException(source, "bad magic number " + hex(magic)
                    + ": an IDX file starts with two zero bytes (is this an IDX file?)");
        }
        if (type != UNSIGNED_BYTE) {
            throw new CorruptDataException(source, "bad magic number " + hex(magic)
                    + ": data type 0x" + String.format("%02X", type) + " (" + typeName(type)
                    + ") is not supported, only 0x08 (unsigned byte)");
        }
        if (rank == 0) {
            throw new CorruptDataException(source,
                    "bad magic number " + hex(magic) + ": rank 0, expected at least 1");
        }
        if (expectedRank != 0 && rank != expectedRank) {
            throw new CorruptDataException(source, "bad magic number " + hex(magic)
                    + " (rank " + rank + "), expected " + hex((UNSIGNED_BYTE << 8) | expectedRank)
                    + " (unsigned bytes, rank " + expectedRank + ")");
        }
        byte[] dimensionBytes = new byte[4 * rank];
        got = readFully(in, dimensionBytes);
        if (got < dimensionBytes.length) {
            throw new CorruptDataException(source, "truncated header: expected "
                    + (4 + dimensionBytes.length) + " bytes (magic number and " + rank
                    + " dimensions), got " + (4 + got));
        }
        int[] dimensions = new int[rank];
        long product = 1;
        for (int k = 0; k < rank; k++) {
            dimensions[k] = bigEndian(dimensionBytes, 4 * k);
            if (dimensions[k] < 0) {
                throw new CorruptDataException(source, "dimension " + k + " is negative: "
                        + dimensions[k] + " (as unsigned: " + Integer.toUnsignedString(
                                dimensions[k]) + ")");
            }
        }
        for (int dimension : dimensions) {
            product *= dimension;
            if (product > MAX_ELEMENTS) {
                throw new CorruptDataException(source, "dimensions " + Arrays.toString(dimensions)
                        + " hold more than " + MAX_ELEMENTS + " elements");
            }
        }
        int headerBytes = 4 + 4 * rank;
        byte[] data = new byte[(int) product];
        got = readFully(in, data);
        if (got < data.length) {
            throw new CorruptDataException(source, "truncated data: dimensions "
                    + Arrays.toString(dimensions) + " need " + data.length + " bytes after the "
                    + headerBytes + "-byte header, got " + got + " (file length "
                    + (headerBytes + (long) got) + ", expected " + (headerBytes + (long) data.length)
                    + ")");
        }
        long trailing = countRemaining(in);
        if (trailing > 0) {
            throw new CorruptDataException(source, "trailing garbage: " + trailing
                    + " bytes after the " + data.length + " data bytes (file length "
                    + (headerBytes + data.length + trailing) + ", expected "
                    + (headerBytes + (long) data.length) + ")");
        }
        return new IdxArray(dimensions, data);
    }

    /** Reads until {@code buffer} is full or the stream ends; a gzip stream cut short ends it. */
    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        try {
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream signals a compressed stream cut short this way: report it as a
            // short read, so that the caller's message gives the expected and actual counts.
        }
        return total;
    }

    private static long countRemaining(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (EOFException e) {
            // a truncated gzip tail: count what was there
        }
        return total;
    }

    private static int bigEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String typeName(int type) {
        switch (type) {
            case 0x09:
                return "signed byte";
            case 0x0B:
                return "short";
            case 0x0C:
                return "int";
            case 0x0D:
                return "float";
            case 0x0E:
                return "double";
            default:
                return "unknown type";
        }
    }
}
