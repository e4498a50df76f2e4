package dev.shardbridge.source.metrics;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Asks the runtime for plugin metrics without trusting it to have them: embedded engines (Debezium's) return
 * null or throw UnsupportedOperationException, and runtimes older than Kafka 4.1 lack the method entirely.
 * A connector must still run there, just without metrics.
 */
final class PluginMetricsLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PluginMetricsLookup.class);

    private PluginMetricsLookup() {
    }

    static Optional<PluginMetrics> of(SourceTaskContext context) {
        try {
            PluginMetrics metrics = context == null ? null : context.pluginMetrics();
            if (metrics == null) {
                LOG.info("The Connect runtime offers no plugin metrics; source task metrics are off");
            }
            return Optional.ofNullable(metrics);
        } catch (UnsupportedOperationException | NoSuchMethodError | NoClassDefFoundError e) {
            LOG.info("The Connect runtime offers no plugin metrics ({}); source task metrics are off", e.toString());
            return Optional.empty();
        }
    }
}
