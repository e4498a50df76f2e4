package dev.shardbridge.quickstart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first command: the whole idea on one machine. Starts the store emulator, a Kafka broker and a
 * Connect worker with the built plugin, replicates a parcel-scan table that already holds items through Kafka
 * into a replica while it is written and two more consumer groups read the same changes, and verifies the
 * results.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs shardbridge end to end on this machine: store emulator -> source connector (snapshot of"
                + " the existing items, then the stream) -> Kafka -> sink connector, an aggregator and a"
                + " Tablestore-trigger reader; then verifies the replica and the aggregate. Exits 0 when every check"
                + " passed."})
public final class Quickstart implements Callable<Integer> {

    /** System property naming the full log file (Kafka's and Connect's logs go there, not to the terminal). */
    static final String LOG_FILE_PROPERTY = "shardbridge.quickstart.log";
    /** The shell's status for a command ended by Ctrl-C (128 + SIGINT). */
    private static final int STOPPED = 130;

    @Option(names = "--existing", description = "Parcel scans the table holds before the connectors are deployed;"
            + " the source's snapshot replicates them (default: ${DEFAULT-VALUE}).")
    int existing = 20_000;

    @Option(names = "--records", description = "Writes to the source table (default: ${DEFAULT-VALUE}).")
    int records = 20_000;

    @Option(names = "--rate", description = "Writes per second (default: ${DEFAULT-VALUE}).")
    int rate = 1_000;

    @Option(names = "--partitions", description = "Partitions (stream shards) of the table at the start;"
            + " one more after the split midway (default: ${DEFAULT-VALUE}).")
    int partitions = 4;

    @Option(names = "--keep-running", description = "Leave the stack up after the run, until Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--emulator-port", description = "Store emulator port (default: ${DEFAULT-VALUE}).")
    int emulatorPort = 8000;

    @Option(names = "--kafka-port", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--connect-port", description = "Connect REST port (default: ${DEFAULT-VALUE}).")
    int connectPort = 8083;

    @Option(names = "--plugin-path", paramLabel = "<dir>", description = "Connect plugin.path holding the shardbridge"
            + " plugin (default: connect-plugin/target/shardbridge-<version> of this checkout).")
    Path pluginPath;

    public static void main(String[] args) {
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, RepoLayout.defaultLogFile().toString());
        }
        System.exit(new CommandLine(new Quickstart()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        DemoRun run = new DemoRun(new DemoRun.Options(existing, records, rate, partitions, keepRunning,
                new LocalStack.Ports(emulatorPort, kafkaPort, connectPort), pluginPath), System.out);
        // Ctrl-C: stop Connect, then the broker, then the emulator, from this one hook (see LocalStack).
        Thread stopOnSignal = new Thread(() -> {
            System.out.println();
            System.out.println("Stopping...");
            run.stop();
        }, "quickstart-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            System.out.println("Full log: " + System.getProperty(LOG_FILE_PROPERTY, "target/quickstart.log"));
            return run.run();
        } catch (RuntimeException | IOException e) {
            if (run.stopRequested()) {
                return STOPPED;
            }
            System.err.println();
            System.err.println("quickstart: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 2;
        } finally {
            removeHook(stopOnSignal);
        }
    }

    private void validate() {
        CommandLine cmd = new CommandLine(this);
        if (existing < 0) {
            throw new CommandLine.ParameterException(cmd, "--existing must be 0 or more");
        }
        if (records < 2) {
            throw new CommandLine.ParameterException(cmd, "--records must be at least 2");
        }
        if (rate < 1) {
            throw new CommandLine.ParameterException(cmd, "--rate must be at least 1");
        }
        if (partitions < 1 || partitions > 64) {
            throw new CommandLine.ParameterException(cmd, "--partitions must be 1..64");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing to remove.
        }
    }
}
