package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code create} picks plugin metrics where the runtime has them, and quietly does without where not. */
class SourceTaskMetricsCreateTest {

    @Test
    void aWorkerContextGetsPluginMetrics() {
        try (WorkerMetrics worker = new WorkerMetrics()) {
            SourceTaskMetrics metrics = SourceTaskMetrics.create(context(() -> worker.task("c", 0)), Clock.systemUTC());
            metrics.pageRead(new ShardPartition("orders", "shardId-1"), 3, Optional.empty());

            assertThat(metrics).isInstanceOf(PluginSourceTaskMetrics.class);
            assertThat(worker.value("records-total", Map.of("connector", "c", "task", "0"))).isEqualTo(3.0);
            metrics.close();
        }
    }

    @Test
    void aRuntimeWithoutPluginMetricsGetsNoop() {
        assertThat(SourceTaskMetrics.create(context(() -> null), Clock.systemUTC()))
                .isSameAs(SourceTaskMetrics.noop());
    }

    @Test
    void aRuntimeThatRefusesPluginMetricsGetsNoop() {
        SourceTaskContext embedded = context(() -> {
            throw new UnsupportedOperationException("not supported by the embedded engine");
        });

        assertThat(SourceTaskMetrics.create(embedded, Clock.systemUTC())).isSameAs(SourceTaskMetrics.noop());
    }

    @Test
    void noopAcceptsEveryEvent() {
        SourceTaskMetrics noop = SourceTaskMetrics.noop();
        ShardPartition shard = new ShardPartition("orders", "shardId-1");
        noop.pageRead(shard, 1, Optional.empty());
        noop.throttled(shard);
        noop.gap(shard);
        noop.shardDrained(shard);
        noop.close();
    }

    private static SourceTaskContext context(Supplier<PluginMetrics> pluginMetrics) {
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return null;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return pluginMetrics.get();
            }
        };
    }
}
