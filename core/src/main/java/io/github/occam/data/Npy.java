package io.github.occam.data;

import io.github.occam.internal.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy's {@code .npy} format for one flat vector of parameters, the exchange
 * format with numpy and PyTorch scripts (for example a network's weights in the layout of
 * {@link io.github.occam.models.ShallowNetShape}).
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, little-endian {@code float64}
 * ({@code <f8}) or {@code float32} ({@code <f4}, widened to double), C order, any shape (the
 * values are read flat in C order). Writing produces version 1.0, {@code <f8}, shape
 * {@code (P,)}, atomically (a temporary file in the same directory, forced to disk, then
 * renamed). Every problem with a file is a {@link CorruptDataException} naming the file.
 *
 * <pre>{@code
 * Npy.write(Path.of("weights.npy"), result.parameters());
 * double[] w = Npy.read(Path.of("weights.npy"));   // np.load("weights.npy") in numpy
 * }</pre>
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** The largest vector read: a Java array holds at most this many doubles. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

    private Npy() {
    }

    /**
     * Reads the values of a {@code .npy} file as one flat vector.
     *
     * @param file the file
     * @return its values, widened to double
     * @throws CorruptDataException if the file is not a {@code .npy} file of float64 or float32
     *     values in C order, or is truncated or too long; the message names the file
     * @throws IOException if the file cannot be read
     */
    public static double[] read(Path file) throws IOException {
        Checks.notNull("file", file);
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CorruptDataException(name, "is a directory, not a .npy file");
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new CorruptDataException(name, "too short for a .npy header (" + bytes.length
                    + " bytes)");
        }
        for (int k = 0; k < MAGIC.length; k++) {
            if (bytes[k] != MAGIC[k]) {
                throw new CorruptDataException(name, "not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = bytes[6];
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new CorruptDataException(name, "too short for a version " + major
                        + " header");
            }
            headerLength = buffer.getInt(8) & 0xFFFFFFFFL;
            start = 12;
        } else {
            throw new CorruptDataException(name, "unsupported .npy version " + major + "."
                    + bytes[7]);
        }
        if (start + headerLength > bytes.length) {
            throw new CorruptDataException(name, "header of " + headerLength
                    + " bytes runs past the end of the file");
        }
        String header = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, "descr", name);
        int width;
        if (descr.equals("<f8")) {
            width = 8;
        } else if (descr.equals("<f4")) {
            width = 4;
        } else {
            throw new CorruptDataException(name, "dtype '" + descr
                    + "' is not supported; expected '<f8' (float64) or '<f4' (float32)");
        }
        if (!field(FORTRAN, header, "fortran_order", name).equals("False")) {
            throw new CorruptDataException(name, "Fortran order is not supported; save the"
                    + " array in C order (np.ascontiguousarray)");
        }
        long count = 1;
        for (String dimension : field(SHAPE, header, "shape", name).split(",")) {
            String trimmed = dimension.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            long size;
            try {
                size = Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                throw new CorruptDataException(name, "shape entry '" + trimmed
                        + "' is not a number", e);
            }
            if (size < 0 || (size > 0 && count > MAX_VALUES / size)) {
                throw new CorruptDataException(name, "shape entry " + size
                        + " is negative or makes more than " + MAX_VALUES + " values");
            }
            count *= size;
        }
        long expected = start + headerLength + count * width;
        if (bytes.length != expected) {
            throw new CorruptDataException(name, "holds " + (bytes.length - start - headerLength)
                    + " bytes of data, expected " + count * width + " for " + count
                    + " values of " + descr);
        }
        double[] values = new double[(int) count];
        int offset = (int) (start + headerLength);
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 8 ? buffer.getDouble(offset + 8 * i)
                    : buffer.getFloat(offset + 4 * i);
        }
        return values;
    }

    /**
     * Writes {@code values} as a one-dimensional {@code float64} {@code .npy} file (version 1.0),
     * atomically: a reader sees the old file or the whole new one, never a part.
     *
     * @param file the file to create or replace; its parent directory must exist
     * @param values the values (not modified)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if an argument is null
     */
    public static void write(Path file, double[] values) throws IOException {
        Checks.notNull("file", file);
        Checks.notNull("values", values);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + values.length
                + ",), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 8 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double value : values) {
            buffer.putDouble(value);
        }
        buffer.flip();
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(),
                "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String field(Pattern pattern, String header, String key, String name)
            throws CorruptDataException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new CorruptDataException(name, "header has no '" + key + "': " + header.trim());
        }
        return m.group(1);
    }
}
