package io.github.occam.examples.spark;

import io.github.occam.examples.mnist.RunComputation;
import io.github.occam.examples.mnist.SweepCommand;
import io.github.occam.examples.support.InputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep} on Spark: every option of the local {@code sweep} (inherited, checked the same
 * way, before anything is written), and where the runs go. Only {@link #execution} differs: the
 * runs are Spark tasks ({@link SparkExecution}); what each computes ({@link RunComputation}) and
 * how it reaches the files is the local sweep's code.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train a grid of runs as Spark tasks, one per run (resumable), then write runs.csv, "
                + "optimum.csv, scaling.csv and the figures, as the local sweep does.")
final class SparkSweepCommand extends SweepCommand {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[K], spark://HOST:PORT, "
            + "yarn, k8s://... (default: the one spark-submit gives, else local[*]).")
    String master;

    @Option(names = "--spark-log", paramLabel = "FILE", description = "Where Spark's own log goes (default: "
            + "spark-sweep.log in the temporary directory; - for standard error).")
    String sparkLog;

    /** The forms of master URL Spark 4 takes. */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?\\])?|local-cluster\\[.+\\]|spark://.+|yarn|k8s://.+");

    @Override
    protected Execution execution(RunComputation computation, Integer threads) throws IOException {
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new InputException("--master " + master + ": not a Spark master URL; use local[K], local[*], "
                    + "spark://HOST:PORT, yarn or k8s://HOST:PORT");
        }
        if (threads != null && threads < 1) {
            throw new InputException("--threads must be >= 1, got " + threads);
        }
        if (master != null && master.startsWith("spark://")) {
            requireAnswer(master);
        }
        try {
            return SparkExecution.start(master, sparkLog, computation, threads);
        } catch (Exception e) {      // Spark's own exceptions, some undeclared (SparkException)
            throw new IllegalStateException("Spark did not start" + (master == null ? "" : " on --master "
                    + master) + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    /** How long a standalone master has to accept a connection. */
    private static final int CONNECT_MS = 10_000;

    /**
     * Refuses a standalone master URL none of whose HOST:PORT accepts a connection (a wrong host
     * or port, or no master running): Spark itself would start, retry for a minute, and fail the
     * first run with "SparkContext has been shutdown" after the sweep's files were written.
     */
    static void requireAnswer(String master) throws InputException {
        String last = "";
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new InputException("--master " + master + ": " + address + " is not HOST:PORT");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.substring(0, colon), port), CONNECT_MS);
                return;
            } catch (IOException e) {
                last = address + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
            }
        }
        throw new InputException("--master " + master + ": no Spark master answers at " + last);
    }
}
