package dev.shardbridge.quickstart;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.durability.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Exit;

/**
 * The store emulator, a KRaft broker and a distributed Connect worker in this JVM, plus whatever the demo
 * registers on top (consumers, clients). One JVM starts in about 4 s where three processes take longer and
 * can be left behind by a killed parent; the price is that Kafka's and Connect's process-wide hooks must be
 * tamed: Connect's shutdown hook would race the broker's shutdown, so it is suppressed and {@link #close()}
 * stops everything in reverse start order, from the caller or from the one hook {@link Quickstart} installs.
 */
final class LocalStack implements AutoCloseable {

    record Ports(int emulator, int kafka, int connect) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private StoreEmulator emulator;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private boolean closed;

    private LocalStack() {
    }

    /** Starts the three services; on failure stops what did start and rethrows. */
    static LocalStack start(Ports ports, RepoLayout layout, Path runDir) {
        tameProcessWideHooks();
        LocalStack stack = new LocalStack();
        String starting = "the store emulator on port " + ports.emulator() + " (--emulator-port)";
        try {
            stack.emulator = stack.register(StoreEmulator.start(EmulatorSettings.defaults().withPort(ports.emulator())
                    .withDurability(Durability.inDirectory(directory(runDir, "emulator")))));
            starting = "the Kafka broker on port " + ports.kafka() + " (--kafka-port)";
            stack.broker = stack.register(KafkaBroker.start(directory(runDir, "kafka"), ports.kafka()));
            starting = "the Connect worker on port " + ports.connect() + " (--connect-port)";
            Path workerProperties = layout.configDir().resolve("connect-distributed.properties");
            stack.worker = stack.register(ConnectWorker.start(workerProperties, stack.broker.bootstrapServers(),
                    ports.connect(), layout.pluginPath()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw new IllegalStateException("cannot start " + starting + ": " + rootCause(e).getMessage()
                    + " (is another run, or something else, using the port?)", e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Connect registers a JVM shutdown hook that would stop the worker while the broker's own shutdown runs, and
     * calls {@code Exit.exit} when it cannot start, which would end a test JVM. Both go through Kafka's
     * {@link Exit}, so the hook is dropped and an exit becomes an exception this class can clean up after.
     */
    private static void tameProcessWideHooks() {
        Exit.setShutdownHookAdder((name, hook) -> { });
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka asked to exit with status " + status
                    + (message == null ? "" : ": " + message) + " (see the log file)");
        });
    }

    <T extends AutoCloseable> T register(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    StoreEmulator emulator() {
        return emulator;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String connectUrl() {
        return worker.restUrl();
    }

    /** Stops everything in reverse start order; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        synchronized (started) {
            if (closed) {
                return;
            }
            closed = true;
            while (!started.isEmpty()) {
                AutoCloseable resource = started.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("while stopping " + resource.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }

    /** Deletes a run directory: each run starts fresh, so nothing in it is needed afterwards. */
    static void deleteDirectory(Path runDir) {
        try (Stream<Path> paths = Files.walk(runDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary directory that stays behind is harmless.
        }
    }

    private static Path directory(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
