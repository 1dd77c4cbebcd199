package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.data.MnistData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads the four files of the MNIST database into a cache directory, once, and checks each
 * against its published SHA-256 before it is used.
 *
 * <p>The files are the standard ones ({@code train-images-idx3-ubyte.gz} 9,912,422 bytes,
 * {@code train-labels-idx1-ubyte.gz} 28,881, {@code t10k-images-idx3-ubyte.gz} 1,648,877,
 * {@code t10k-labels-idx1-ubyte.gz} 4,542); their SHA-256 sums are those published with the
 * widely used mirrors (see {@link #SHA256}). A file already in the cache with the right sum is
 * not fetched again. Otherwise the mirrors are tried in order; a download goes to a temporary
 * file that is moved into place only when its sum matches, so the cache never holds a partial or
 * wrong file. If every mirror fails, the {@link IOException} lists why each one did.
 *
 * <pre>{@code
 * Path cache = Path.of(System.getProperty("user.home"), ".cache", "occam", "mnist");
 * MnistData mnist = MnistDownload.into(cache).load();   // downloads on first use only
 * Dataset train = mnist.train();                        // 60000 x 784
 * }</pre>
 *
 * <p>Instances are immutable and may be shared; {@link #fetch()} on one cache directory from
 * several threads or processes at once may download twice but never leaves a bad file.
 */
public final class MnistDownload {

    /** The expected SHA-256 (lower-case hex) of each of the four standard files, by name. */
    public static final Map<String, String> SHA256 = Map.of(
            MnistData.TRAIN_IMAGES + ".gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            MnistData.TRAIN_LABELS + ".gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            MnistData.TEST_IMAGES + ".gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            MnistData.TEST_LABELS + ".gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    /** The default mirrors, tried in this order; each holds the four files under its path. */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://yann.lecun.com/exdb/mnist/"));

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path cacheDirectory;
    private final List<URI> mirrors;
    private final Map<String, String> checksums;

    MnistDownload(Path cacheDirectory, List<URI> mirrors, Map<String, String> checksums) {
        if (cacheDirectory == null) {
            throw new IllegalArgumentException("cacheDirectory must not be null");
        }
        if (mirrors == null || mirrors.isEmpty()) {
            throw new IllegalArgumentException("mirrors must not be null or empty");
        }
        for (URI mirror : mirrors) {
            if (mirror == null || !mirror.getPath().endsWith("/")) {
                throw new IllegalArgumentException(
                        "each mirror must be a URI whose path ends with '/', got " + mirror);
            }
        }
        this.cacheDirectory = cacheDirectory;
        this.mirrors = List.copyOf(mirrors);
        this.checksums = Map.copyOf(checksums);
    }

    /**
     * Returns a downloader into {@code cacheDirectory} from the default {@link #MIRRORS}.
     *
     * @param cacheDirectory where the files are kept; created when needed
     * @return the downloader
     */
    public static MnistDownload into(Path cacheDirectory) {
        return new MnistDownload(cacheDirectory, MIRRORS, SHA256);
    }

    /**
     * Returns a downloader that tries {@code mirrors} instead of the defaults, for example a
     * company mirror. The files are still checked against {@link #SHA256}.
     *
     * @param mirrors base URIs, each ending with '/', tried in order
     * @return a new downloader with the same cache directory
     */
    public MnistDownload withMirrors(List<URI> mirrors) {
        return new MnistDownload(cacheDirectory, mirrors, checksums);
    }

    /** Returns the cache directory. */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** Returns the mirrors, in the order they are tried. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /**
     * Makes sure the four files are in the cache directory with the right SHA-256, downloading
     * those that are missing or wrong.
     *
     * @return the cache directory, ready for {@link MnistData#load(Path)}
     * @throws IOException if a file cannot be obtained with the right checksum from any mirror
     */
    public Path fetch() throws IOException {
        Files.createDirectories(cacheDirectory);
        Map<String, String> ordered = new LinkedHashMap<>();
        checksums.keySet().stream().sorted().forEach(name -> ordered.put(name, checksums.get(name)));
        HttpClient client = null;
        for (Map.Entry<String, String> file : ordered.entrySet()) {
            Path target = cacheDirectory.resolve(file.getKey());
            if (Files.isRegularFile(target) && sha256(target).equals(file.getValue())) {
                continue;
            }
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            download(client, file.getKey(), file.getValue(), target);
        }
        return cacheDirectory;
    }

    /**
     * Fetches the files when needed and reads them.
     *
     * @return the MNIST training and test sets, pixels in [0, 1]
     * @throws IOException if a file cannot be obtained or read
     */
    public MnistData load() throws IOException {
        return MnistData.load(fetch());
    }

    /**
     * Returns the SHA-256 of a file as lower-case hex.
     *
     * @param file the file
     * @return its SHA-256
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void download(HttpClient client, String name, String expected, Path target)
            throws IOException {
        List<String> failures = new ArrayList<>();
        List<IOException> causes = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(name);
            Path temporary = Files.createTempFile(cacheDirectory, name, ".part");
            try {
                HttpResponse<Path> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(temporary));
                if (response.statusCode() != 200) {
                    failures.add(uri + ": HTTP status " + response.statusCode());
                    continue;
                }
                String actual = sha256(temporary);
                if (!actual.equals(expected)) {
                    failures.add(uri + ": SHA-256 mismatch, expected " + expected + ", got "
                            + actual + " (" + Files.size(temporary) + " bytes)");
                    continue;
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) {
                failures.add(uri + ": " + e);
                causes.add(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        IOException failure = new IOException("could not download " + name + " with SHA-256 "
                + expected + " from any mirror: " + String.join("; ", failures));
        for (IOException cause : causes) {
            failure.addSuppressed(cause);
        }
        throw failure;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
