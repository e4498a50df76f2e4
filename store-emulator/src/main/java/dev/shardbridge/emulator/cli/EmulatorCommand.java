package dev.shardbridge.emulator.cli;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.durability.Durability;
import dev.shardbridge.emulator.durability.FsyncPolicy;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.table.ServiceIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The standalone server: {@code java -jar store-emulator.jar --port 8000 --in-memory}. */
@Command(name = "store-emulator", mixinStandardHelpOptions = true, version = "shardbridge store emulator 0.1.0",
        description = "A DynamoDB-compatible server (JSON 1.0 wire protocol) for local development and tests.",
        sortOptions = false)
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = "--host", description = "Address to bind; 0.0.0.0 for all interfaces (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--in-memory", description = "Keep all data in memory; it is gone when the server stops. "
            + "The default without --data-dir.")
    boolean inMemory;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep tables, items and stream records in DIR "
            + "(a log and snapshots): they survive kill -9 and restarts. Created if missing; one emulator at a time.")
    Path dataDir;

    @Option(names = "--fsync", paramLabel = "always|interval", description = "With --data-dir: 'always' answers a "
            + "write only once it is on disk (nothing acknowledged is lost); 'interval' forces the log to disk every "
            + "--fsync-interval (a crash loses at most that much) (default: ${DEFAULT-VALUE}).")
    String fsync = FsyncPolicy.INTERVAL.toString();

    @Option(names = "--fsync-interval", paramLabel = "DURATION", converter = IsoDuration.class,
            description = "With --fsync interval: how often the log is forced to disk; ISO-8601, e.g. PT0.1S "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration fsyncInterval = Durability.DEFAULT_FSYNC_INTERVAL;

    @Option(names = "--compact-after-bytes", paramLabel = "BYTES", description = "With --data-dir: write a snapshot "
            + "and drop the log once it grows past BYTES, so restarts stay quick (default: ${DEFAULT-VALUE}).")
    long compactAfterBytes = Durability.DEFAULT_COMPACT_AFTER_BYTES;

    @Option(names = "--region", description = "Region used in ARNs and health answers (default: ${DEFAULT-VALUE}).")
    String region = ServiceIdentity.DEFAULT.region();

    @Option(names = "--account-id", description = "Account id used in ARNs (default: ${DEFAULT-VALUE}).")
    String accountId = ServiceIdentity.DEFAULT.accountId();

    @Option(names = "--worker-threads", description = "Threads that run operations (default: ${DEFAULT-VALUE}).")
    int workerThreads = EmulatorSettings.defaults().workerThreads();

    @Option(names = "--partitions", paramLabel = "N", description = "Hash partitions, and so open stream shards, of "
            + "a new table, 1..1024 (default: ${DEFAULT-VALUE}). The admin API overrides it per table.")
    int partitions = StreamSettings.AWS.defaultPartitions();

    @Option(names = "--rollover-period", paramLabel = "DURATION", converter = IsoDuration.class,
            description = "How long a shard stays open before it closes and continues in a child; ISO-8601, "
                    + "e.g. PT4H, PT30M (default: ${DEFAULT-VALUE}).")
    Duration rolloverPeriod = StreamSettings.AWS.rolloverPeriod();

    @Option(names = "--retention", paramLabel = "DURATION", converter = IsoDuration.class,
            description = "How long stream records stay readable; ISO-8601, e.g. PT24H, P1D (default: ${DEFAULT-VALUE}).")
    Duration retention = StreamSettings.AWS.retention();

    @Option(names = "--max-readers-per-shard", paramLabel = "N", description = "Concurrent readers of one shard "
            + "before GetRecords answers LimitExceededException; 1 for global-table mode (default: ${DEFAULT-VALUE}).")
    int maxReadersPerShard = StreamSettings.AWS.maxReadersPerShard();

    @Option(names = "--split-writes-per-second", paramLabel = "N", description = "Split a partition once its writes "
            + "per second pass N; 0 never splits on write rate (default: ${DEFAULT-VALUE}).")
    long splitWritesPerSecond = StreamSettings.AWS.splitWritesPerSecond();

    @Option(names = "--split-bytes", paramLabel = "BYTES", description = "Split a partition once its items pass "
            + "this many bytes; 0 never splits on size (default: ${DEFAULT-VALUE}).")
    long splitBytes = StreamSettings.AWS.splitBytes();

    public static void main(String[] args) {
        // The standalone server brings its own logging setup, under a name no embedder will pick up.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "store-emulator-log4j2.xml");
        }
        System.exit(new CommandLine(new EmulatorCommand()).execute(args));
    }

    /** The settings the parsed flags describe; refuses out-of-range values naming the flag. */
    public EmulatorSettings settings() {
        if (!accountId.matches("\\d{12}")) {
            throw invalid("--account-id must be twelve digits, was '" + accountId + "'");
        }
        return EmulatorSettings.defaults().withHost(host).withPort(port)
                .withIdentity(new ServiceIdentity(region, accountId)).withWorkerThreads(workerThreads)
                .withStreams(streamSettings()).withDurability(durability());
    }

    private Durability durability() {
        if (dataDir != null && inMemory) {
            throw invalid("--data-dir and --in-memory cannot be used together: --in-memory keeps nothing on disk, "
                    + "--data-dir keeps everything in " + dataDir);
        }
        FsyncPolicy policy;
        try {
            policy = FsyncPolicy.parse(fsync);
        } catch (IllegalArgumentException e) {
            throw invalid("--fsync must be 'always' or 'interval', was '" + fsync + "'");
        }
        requirePositive("--fsync-interval", fsyncInterval);
        if (compactAfterBytes < Durability.MIN_COMPACT_AFTER_BYTES) {
            throw invalid("--compact-after-bytes must be at least " + Durability.MIN_COMPACT_AFTER_BYTES + ", was "
                    + compactAfterBytes);
        }
        return dataDir == null ? Durability.IN_MEMORY : Durability.inDirectory(dataDir).withFsync(policy)
                .withFsyncInterval(fsyncInterval).withCompactAfterBytes(compactAfterBytes);
    }

    private StreamSettings streamSettings() {
        if (partitions < 1 || partitions > 1024) {
            throw invalid("--partitions must be 1..1024, was " + partitions);
        }
        requirePositive("--rollover-period", rolloverPeriod);
        requirePositive("--retention", retention);
        if (maxReadersPerShard < 1) {
            throw invalid("--max-readers-per-shard must be at least 1, was " + maxReadersPerShard);
        }
        if (splitWritesPerSecond < 0) {
            throw invalid("--split-writes-per-second must be 0 (never) or more, was " + splitWritesPerSecond);
        }
        if (splitBytes < 0) {
            throw invalid("--split-bytes must be 0 (never) or more, was " + splitBytes);
        }
        return StreamSettings.AWS.withDefaultPartitions(partitions).withRolloverPeriod(rolloverPeriod)
                .withRetention(retention).withMaxReadersPerShard(maxReadersPerShard)
                .withSplitThresholds(splitWritesPerSecond, splitBytes);
    }

    private void requirePositive(String flag, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(flag + " must be a positive duration, was " + value);
        }
    }

    private ParameterException invalid(String message) {
        // The running command line, so the error goes to its error stream with its usage help.
        return new ParameterException(spec != null ? spec.commandLine() : new CommandLine(this), message);
    }

    @Override
    public Integer call() throws InterruptedException {
        EmulatorSettings settings = settings();
        StoreEmulator emulator = StoreEmulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        Logger log = LoggerFactory.getLogger(EmulatorCommand.class);
        Durability durability = settings.durability();
        log.info("shardbridge store emulator listening on {}:{} ({}, region {})", host, emulator.port(),
                durability.inMemory() ? "in-memory" : "data in " + durability.dataDir() + ", fsync " + durability.fsync(),
                region);
        stopped.await();
        return 0;
    }

    /** Reads ISO-8601 durations only, so that one spelling works in flags, the admin API and the docs. */
    static final class IsoDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration such as PT4H, PT30M "
                        + "or P1D");
            }
        }
    }
}
