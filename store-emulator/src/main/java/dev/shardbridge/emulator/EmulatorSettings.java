package dev.shardbridge.emulator;

import dev.shardbridge.emulator.durability.Durability;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.table.ServiceIdentity;
import java.time.Clock;
import java.util.Objects;

/**
 * How an emulator is started.
 *
 * @param host          the address to bind, e.g. {@code 127.0.0.1}
 * @param port          the port; 0 picks a free one
 * @param identity      region and account used in ARNs
 * @param workerThreads threads that run operations
 * @param clock         the base clock; the emulator's own clock runs from it and can be advanced
 * @param streams       change-stream behaviour: partitions, rollover, retention, limits
 * @param durability    whether state is kept in a data directory, and its fsync policy
 */
public record EmulatorSettings(String host, int port, ServiceIdentity identity, int workerThreads, Clock clock,
                               StreamSettings streams, Durability durability) {

    public EmulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(durability, "durability");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, was " + workerThreads);
        }
    }

    /** Loopback, a free port, default identity: what tests and embedders want. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings("127.0.0.1", 0, ServiceIdentity.DEFAULT, defaultWorkerThreads(),
                Clock.systemUTC(), StreamSettings.AWS, Durability.IN_MEMORY);
    }

    public EmulatorSettings withPort(int newPort) {
        return new EmulatorSettings(host, newPort, identity, workerThreads, clock, streams, durability);
    }

    public EmulatorSettings withHost(String newHost) {
        return new EmulatorSettings(newHost, port, identity, workerThreads, clock, streams, durability);
    }

    public EmulatorSettings withIdentity(ServiceIdentity newIdentity) {
        return new EmulatorSettings(host, port, newIdentity, workerThreads, clock, streams, durability);
    }

    public EmulatorSettings withWorkerThreads(int threads) {
        return new EmulatorSettings(host, port, identity, threads, clock, streams, durability);
    }

    public EmulatorSettings withStreams(StreamSettings newStreams) {
        return new EmulatorSettings(host, port, identity, workerThreads, clock, newStreams, durability);
    }

    public EmulatorSettings withClock(Clock newClock) {
        return new EmulatorSettings(host, port, identity, workerThreads, newClock, streams, durability);
    }

    public EmulatorSettings withDurability(Durability newDurability) {
        return new EmulatorSettings(host, port, identity, workerThreads, clock, streams, newDurability);
    }

    /** Enough threads to keep both cores busy while some requests wait on locks or disk. */
    static int defaultWorkerThreads() {
        return Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
    }
}
