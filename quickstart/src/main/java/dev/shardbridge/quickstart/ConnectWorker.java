package dev.shardbridge.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * A Kafka Connect worker in distributed mode, in this JVM, configured from the worker properties users
 * copy ({@code config/connect-distributed.properties}) with only addresses and the plugin path replaced.
 */
final class ConnectWorker implements AutoCloseable {
    private final Connect<DistributedHerder> connect;
    private final int port;

    private ConnectWorker(Connect<DistributedHerder> connect, int port) {
        this.connect = connect;
        this.port = port;
    }

    static ConnectWorker start(Path workerProperties, String bootstrapServers, int port, Path pluginPath) {
        Map<String, String> props = load(workerProperties);
        props.put("bootstrap.servers", bootstrapServers);
        props.put("listeners", "http://localhost:" + port);
        props.put("plugin.path", pluginPath.toString());
        // The file's 5 s suits production; a demo that shows replication live wants sink offsets (our
        // replication progress) and the source's drained-shard markers committed every second.
        props.put("offset.flush.interval.ms", "1000");
        return new ConnectWorker(new ConnectDistributed().startConnect(props), port);
    }

    static Map<String, String> load(Path workerProperties) {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(workerProperties)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read worker properties " + workerProperties, e);
        }
        Map<String, String> props = new HashMap<>();
        file.stringPropertyNames().forEach(key -> props.put(key, file.getProperty(key)));
        return props;
    }

    String restUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
