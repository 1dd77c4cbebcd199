package io.github.occam.data;

import java.io.IOException;

/**
 * A data file that cannot be what it claims to be: a wrong magic number, impossible dimensions,
 * fewer bytes than the header announces, bytes after the data, or labels out of range. The
 * message names the file (or stream) and, for a length problem, the expected and actual byte
 * counts.
 *
 * <pre>{@code
 * try {
 *     IdxArray images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));
 * } catch (CorruptDataException e) {
 *     System.err.println(e.source() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class CorruptDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or stream name the problem was found in. */
    private final String source;

    /**
     * Creates an exception whose message starts with the source name.
     *
     * @param source the file or stream name
     * @param problem what is wrong, with the numbers involved
     */
    public CorruptDataException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /**
     * Creates an exception whose message starts with the source name, with a cause.
     *
     * @param source the file or stream name
     * @param problem what is wrong
     * @param cause the underlying error (for example a damaged gzip stream)
     */
    public CorruptDataException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** Returns the name of the file or stream the problem was found in. */
    public String source() {
        return source;
    }
}
