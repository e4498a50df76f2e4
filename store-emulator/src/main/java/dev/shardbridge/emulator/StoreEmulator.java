package dev.shardbridge.emulator;

import dev.shardbridge.emulator.admin.AdminHttpRoute;
import dev.shardbridge.emulator.admin.EmulatorAdmin;
import dev.shardbridge.emulator.durability.Persistence;
import dev.shardbridge.emulator.fault.FaultInjector;
import dev.shardbridge.emulator.fault.FaultRules;
import dev.shardbridge.emulator.http.AdminRoute;
import dev.shardbridge.emulator.http.ApiEndpoint;
import dev.shardbridge.emulator.http.HttpServer;
import dev.shardbridge.emulator.http.OperationInterceptor;
import dev.shardbridge.emulator.operation.OperationRegistry;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.time.EmulatorClock;
import dev.shardbridge.emulator.table.TableCatalog;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * A running emulator: an HTTP endpoint speaking DynamoDB's JSON 1.0 protocol over in-process state.
 * Embeddable ({@code try (var emulator = StoreEmulator.start(EmulatorSettings.defaults()))}) and the
 * core of the standalone server.
 */
public final class StoreEmulator implements AutoCloseable {
    private final EmulatorSettings settings;
    private final EmulatorClock clock;
    private final StreamCatalog streams;
    private final TableCatalog catalog;
    private final EmulatorAdmin admin;
    private final Persistence persistence;
    private final HttpServer server;

    private StoreEmulator(EmulatorSettings settings) throws InterruptedException {
        this.settings = settings;
        this.clock = new EmulatorClock(settings.clock());
        SequenceNumbers sequences = new SequenceNumbers(0);
        this.persistence = Persistence.open(settings.durability(), clock, sequences);
        this.streams = new StreamCatalog(clock, settings.streams(), settings.identity(), sequences,
                persistence.journal());
        this.catalog = new TableCatalog(streams, persistence.lifecycle(streams));
        persistence.recover(catalog, streams);
        OperationRegistry operations = Operations.all(catalog, streams, settings.identity(), clock);
        FaultRules faults = new FaultRules();
        this.admin = new EmulatorAdmin(streams, clock, faults);
        List<OperationInterceptor> interceptors = List.of(new FaultInjector(faults));
        // The durability barrier goes last: it holds an answer until the operation's log entries are on disk.
        interceptors = Stream.concat(interceptors.stream(), persistence.interceptors().stream()).toList();
        AdminRoute adminRoute = new AdminHttpRoute(admin);
        try {
            this.server = new HttpServer(settings.host(), settings.port(),
                    new ApiEndpoint(operations, settings.identity().region(), interceptors, adminRoute),
                    settings.workerThreads());
        } catch (RuntimeException | InterruptedException e) {
            persistence.close(); // release the data directory for the next attempt
            throw e;
        }
    }

    /** Starts an emulator; the returned instance is serving when this returns. */
    public static StoreEmulator start(EmulatorSettings settings) {
        try {
            return new StoreEmulator(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the emulator", e);
        }
    }

    /** Starts an in-memory emulator on a free loopback port. */
    public static StoreEmulator start() {
        return start(EmulatorSettings.defaults());
    }

    public int port() {
        return server.port();
    }

    /** The endpoint to give an SDK client as its endpoint override. */
    public URI endpoint() {
        String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /** The emulator's clock; advance it to age records, expire iterators and roll shards. */
    public EmulatorClock clock() {
        return clock;
    }

    /** The change streams, for in-process control: splitting partitions, rolling shards. */
    public StreamCatalog streams() {
        return streams;
    }

    /**
     * The admin and fault API for in-process use: split partitions, roll shards, advance the clock,
     * inject faults, read per-shard counters. The same operations are served over HTTP under
     * {@code /shardbridge/admin/}.
     */
    public EmulatorAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        server.close();
        persistence.close();
    }
}
