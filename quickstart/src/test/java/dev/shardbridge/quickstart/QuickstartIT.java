package dev.shardbridge.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command as users run it: the shaded {@code target/quickstart.jar} in its own JVM, on free
 * ports, against the plugin directory the build made.
 */
class QuickstartIT {
    private static final Path JAR = Path.of("target", "quickstart.jar");

    @Test
    void snapshotsExistingItemsReplicatesASplittingTableVerifiesEveryConsumerAndExitsZero() throws Exception {
        QuickstartProcess run = QuickstartProcess.start("verified", "--existing", "2000", "--records", "600",
                "--rate", "300", "--partitions", "3");

        int exit = run.awaitExit(Duration.ofSeconds(75));

        String output = run.output();
        assertThat(exit).as(output).isZero();
        assertThat(output)
                .contains("Deployed parcel-scans-source from config/source-emulator.json")
                .contains("Deployed parcel-scans-replica-sink from config/sink-emulator.json")
                .contains("Wrote 2,000 existing parcel scans")
                .containsPattern("Snapshot done at \\d+s: [\\d,]+ items scanned in 4 segments")
                .containsPattern("snapshot +2,000 items in parcel_scans before its stream was enabled; [\\d,]+ scanned"
                        + " in 4/4 segments in \\d+\\.\\d s")
                .containsPattern("kafka +[\\d,]+ records in topic parcel_scans: [1-9][\\d,]* snapshot reads \\(op=r\\)")
                .contains("partition 0 split midway (3 -> 4 partitions)")
                .containsPattern("replica +[\\d,]+ items in parcel_scans_replica .*: EQUAL")
                .containsPattern("recount from parcel_scans: EQUAL")
                .containsPattern("[\\d,]+ PutRow, [\\d,]+ UpdateRow, [\\d,]+ DeleteRow decoded as Sync-v1 CBOR"
                        + " payloads, 0 malformed")
                .containsPattern("first replicated record \\d+\\.\\d s after start")
                .contains("PASSED");
    }

    @Test
    void aStopSignalEndsTheWholeStackPromptlyAndFreesItsPorts() throws Exception {
        QuickstartProcess run = QuickstartProcess.start("stopped", "--records", "1000000", "--rate", "100");
        run.awaitOutput("Stack up", Duration.ofSeconds(40));

        Instant signalled = Instant.now();
        run.process.destroy(); // SIGTERM: the same shutdown hook as Ctrl-C's SIGINT
        int exit = run.awaitExit(Duration.ofSeconds(30));

        assertThat(Duration.between(signalled, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(exit).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Stopping...");
        for (int port : run.ports) {
            try (ServerSocket again = new ServerSocket(port)) {
                assertThat(again.getLocalPort()).as("port %d is free again", port).isEqualTo(port);
            }
        }
    }

    @Test
    void aMissingPluginDirectoryIsReportedWithWhatToDo() throws Exception {
        QuickstartProcess run = QuickstartProcess.start("no-plugin", "--plugin-path", "target/no-such-plugin");

        assertThat(run.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(run.output()).contains("No shardbridge Connect plugin at").contains("--plugin-path");
    }

    /** One {@code java -jar target/quickstart.jar} on free ports, its terminal output in a file. */
    private static final class QuickstartProcess {
        final Process process;
        final Path output;
        final List<Integer> ports;

        private QuickstartProcess(Process process, Path output, List<Integer> ports) {
            this.process = process;
            this.output = output;
            this.ports = ports;
        }

        static QuickstartProcess start(String name, String... args) throws IOException {
            assertThat(JAR).as("the shaded jar is built in the package phase").exists();
            List<Integer> ports = List.of(freePort(), freePort(), freePort());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                    "-Dshardbridge.quickstart.log=target/quickstart-it-" + name + ".log", "-jar", JAR.toString(),
                    "--emulator-port", ports.get(0).toString(), "--kafka-port", ports.get(1).toString(),
                    "--connect-port", ports.get(2).toString()));
            command.addAll(List.of(args));
            Path output = Path.of("target", "quickstart-it-" + name + ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new QuickstartProcess(process, output, ports);
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the quickstart did not end within " + timeout + ":\n" + output());
            }
            return process.exitValue();
        }

        void awaitOutput(String text, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (!output().contains(text)) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("no '" + text + "' in the output:\n" + output());
                }
                Thread.sleep(100);
            }
        }

        String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
