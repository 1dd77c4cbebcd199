package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.occam.data.MnistData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against two mirrors served on the loopback interface. */
class MnistDownloadTest {

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> checksums = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private URI good;
    private URI broken;
    private URI missing;

    @BeforeEach
    void serve() throws IOException, NoSuchAlgorithmException {
        put(MnistData.TRAIN_IMAGES + ".gz", IdxBytes.gzip(IdxBytes.images(6, 2, 2)));
        put(MnistData.TRAIN_LABELS + ".gz", IdxBytes.gzip(IdxBytes.labels(6)));
        put(MnistData.TEST_IMAGES + ".gz", IdxBytes.gzip(IdxBytes.images(3, 2, 2)));
        put(MnistData.TEST_LABELS + ".gz", IdxBytes.gzip(IdxBytes.labels(3)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            byte[] body = files.get(name);
            if (body == null || path.startsWith("/missing/")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                if (path.startsWith("/broken/")) {
                    body = "not the file".getBytes(StandardCharsets.US_ASCII);
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        good = URI.create(base + "/good/");
        broken = URI.create(base + "/broken/");
        missing = URI.create(base + "/missing/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void put(String name, byte[] content) throws NoSuchAlgorithmException {
        files.put(name, content);
        checksums.put(name, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(content)));
    }

    private static long partFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".part")).count();
        }
    }

    @Test
    void downloadsVerifiesAndCachesFallingBackAcrossMirrors(@TempDir Path cache)
            throws IOException {
        MnistDownload download = new MnistDownload(cache, List.of(missing, broken, good),
                checksums);
        MnistData data = download.load();
        assertThat(data.train().size()).isEqualTo(6);
        assertThat(data.test().size()).isEqualTo(3);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(cache.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(requests.get()).isEqualTo(12);        // three mirrors for each file
        assertThat(partFiles(cache)).isZero();

        download.fetch();                                 // all cached: no request
        assertThat(requests.get()).isEqualTo(12);

        Files.write(cache.resolve(MnistData.TEST_LABELS + ".gz"), new byte[] {1, 2, 3});
        download.withMirrors(List.of(good)).fetch();      // a damaged cached file is replaced
        assertThat(requests.get()).isEqualTo(13);
        assertThat(cache.resolve(MnistData.TEST_LABELS + ".gz"))
                .hasBinaryContent(files.get(MnistData.TEST_LABELS + ".gz"));
    }

    @Test
    void failsNamingEachMirrorAndLeavesNoFile(@TempDir Path cache) throws IOException {
        MnistDownload download = new MnistDownload(cache, List.of(missing, broken), checksums);
        String name = MnistData.TEST_IMAGES + ".gz";
        assertThatThrownBy(download::fetch)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not download " + name + " with SHA-256 "
                        + checksums.get(name) + " from any mirror: ")
                .hasMessageContaining(missing.resolve(name) + ": HTTP status 404")
                .hasMessageContaining(broken.resolve(name) + ": SHA-256 mismatch, expected "
                        + checksums.get(name) + ", got ")
                .hasMessageContaining("(12 bytes)");
        try (Stream<Path> list = Files.list(cache)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void publishesFourChecksumsAndValidatesMirrors(@TempDir Path cache) {
        assertThat(MnistDownload.SHA256).hasSize(4);
        assertThat(MnistDownload.SHA256.values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        MnistDownload download = MnistDownload.into(cache);
        assertThat(download.mirrors()).isEqualTo(MnistDownload.MIRRORS);
        assertThat(download.cacheDirectory()).isEqualTo(cache);
        assertThatThrownBy(() -> download.withMirrors(List.of(URI.create("https://example.org/x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("each mirror must be a URI whose path ends with '/', got"
                        + " https://example.org/x");
        assertThatThrownBy(() -> download.withMirrors(List.of()))
                .hasMessage("mirrors must not be null or empty");
        assertThatThrownBy(() -> MnistDownload.into(null))
                .hasMessage("cacheDirectory must not be null");
    }
}
