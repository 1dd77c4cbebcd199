package io.github.occam.examples.spark;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Sends Spark's log (log4j 2) to a file, or to standard error when asked, so that its lines stay
 * out of the way of the sweep's output and progress line.
 */
final class SparkLogs {

    /** The system property the log configuration reads the file name from. */
    static final String FILE_PROPERTY = "occam.spark.log";

    private SparkLogs() {
    }

    /**
     * Configures the log: to {@code target} (null: spark-sweep.log in the temporary directory;
     * "-": standard error).
     */
    static void send(String target) {
        String resource;
        if ("-".equals(target)) {
            resource = "occam-spark-log-stderr.properties";
        } else {
            String file = target != null ? target
                    : Path.of(System.getProperty("java.io.tmpdir"), "spark-sweep.log").toString();
            System.setProperty(FILE_PROPERTY, Path.of(file).toAbsolutePath().toString());
            resource = "occam-spark-log-file.properties";
        }
        try {
            Configurator.reconfigure(SparkLogs.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
