package io.github.occam.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on this machine: a standalone Spark master and two workers (one core each),
 * each its own process started from {@code spark-sweep.jar}, on the loopback interface; the
 * sweep submitted to them by the command a user types ({@code java -jar spark-sweep.jar sweep
 * --master spark://...}), its files compared with the local sweep's. Run by
 * {@code mvn -B verify -Pspark-cluster} (after the jar is packaged).
 */
class StandaloneClusterIT {

    private static final Path JAR = Path.of("target", "spark-sweep.jar").toAbsolutePath();
    private static final String[] OPENS = {"--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED"};
    private static final String[] GRID = {"sweep", "--hidden", "2", "--train-sizes", "60", "--seeds", "1,2,3",
        "--batch-sizes", "10,20,60", "--updates", "20", "--lambda", "0.5", "--evidence", "--no-progress",
        "--resamples", "10"};

    private final List<Process> daemons = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopTheCluster() throws InterruptedException {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path log, Path sparkHome, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("java", "-Xmx1g"));
        line.addAll(List.of(OPENS));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_HOSTNAME", "localhost");
        // a Spark distribution says its Scala version by its layout; this home is only jars/
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process p = builder.start();
        daemons.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertThat(s.isConnected()).isTrue();
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the master did not open port " + port + ":\n" + Files.readString(log));
    }

    private static void awaitLine(Path log, String text, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String content = Files.exists(log) ? Files.readString(log) : "";
            if (content.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' in " + log + ":\n" + Files.readString(log));
    }

    private static String withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> line.substring(0, line.lastIndexOf(',')))
                .collect(Collectors.joining("\n"));
    }

    private static int run(Path log, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        return p.exitValue();
    }

    @Test
    void aSweepOnAMasterAndTwoWorkersWritesTheLocalSweepsFiles() throws Exception {
        assertThat(JAR).as("run after package: mvn -B verify -Pspark-cluster").exists();
        // the workers launch executors from $SPARK_HOME/jars: the jar holds Spark and the sweep
        Path sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createSymbolicLink(sparkHome.resolve("jars").resolve("spark-sweep.jar"), JAR);
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        Path masterLog = dir.resolve("master.log");
        start(masterLog, sparkHome, "-cp", JAR.toString(), "org.apache.spark.deploy.master.Master", "--host",
                "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0");
        awaitPort(port, masterLog);
        for (int w = 1; w <= 2; w++) {
            Path work = Files.createDirectories(dir.resolve("worker" + w));
            start(dir.resolve("worker" + w + ".log"), sparkHome, "-cp", JAR.toString(),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", "0", "--work-dir", work.toString(), master);
        }
        awaitLine(masterLog, "Registering worker", 2);

        Path cluster = dir.resolve("cluster");
        List<String> submit = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        submit.addAll(List.of(GRID));
        submit.addAll(List.of("--master", master, "--spark-log", dir.resolve("driver-spark.log").toString(),
                "--out", cluster.toString()));
        long start = System.nanoTime();
        Path driverLog = dir.resolve("driver.log");
        int status = run(driverLog, submit);
        double clusterSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(status).as(Files.readString(driverLog) + Files.readString(dir.resolve("driver-spark.log")))
                .isZero();
        assertThat(Files.readString(driverLog)).contains("on Spark " + master + ", 2 runs at a time");

        Path local = dir.resolve("local");
        List<String> here = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        here.addAll(List.of(GRID));
        here.addAll(List.of("--master", "local[2]", "--spark-log", dir.resolve("local-spark.log").toString(),
                "--out", local.toString()));
        assertThat(run(dir.resolve("local.log"), here)).isZero();

        assertThat(withoutLastColumn(cluster.resolve("runs.csv")))
                .isEqualTo(withoutLastColumn(local.resolve("runs.csv")));
        assertThat(Files.readAllLines(cluster.resolve("runs.csv"))).hasSize(10);
        for (String file : new String[] {"evidence.csv", "optimum.csv", "scaling.csv", "curves.csv",
            "evidence-summary.txt"}) {
            assertThat(Files.readString(cluster.resolve(file))).as(file)
                    .isEqualTo(Files.readString(local.resolve(file)));
        }
        // the runs went to the workers' executors, not to the driver
        assertThat(Files.list(dir.resolve("worker1")).count() + Files.list(dir.resolve("worker2")).count())
                .as("application folders of the workers").isPositive();
        System.out.printf("standalone cluster: 9 runs in %.1f s (driver start included)%n", clusterSeconds);
    }
}
