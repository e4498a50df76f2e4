package dev.shardbridge.source.metrics;

import dev.shardbridge.source.offset.ShardPartition;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SourceTaskMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");
    private static final ShardPartition ORDERS_1 = new ShardPartition("orders", "shardId-0001");
    private static final ShardPartition ORDERS_2 = new ShardPartition("orders", "shardId-0002");
    private static final Map<String, String> TASK = Map.of("connector", "orders-source", "task", "0");

    private final WorkerMetrics worker = new WorkerMetrics();
    private final SourceTaskMetrics metrics = new PluginSourceTaskMetrics(worker.task("orders-source", 0),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void pagesCountRecordsPerShardAndForTheTask() {
        metrics.pageRead(ORDERS_1, 200, Optional.of(NOW));
        metrics.pageRead(ORDERS_1, 100, Optional.of(NOW));
        metrics.pageRead(ORDERS_2, 600, Optional.of(NOW));

        assertThat(shardValue(ORDERS_1, "records-total")).isEqualTo(300.0);
        assertThat(shardValue(ORDERS_2, "records-total")).isEqualTo(600.0);
        assertThat(taskValue("records-total")).isEqualTo(900.0);
    }

    @Test
    void recordsRateIsPerSecondOverTheRuntimesSampleWindows() {
        metrics.pageRead(ORDERS_1, 300, Optional.of(NOW));
        // Two 30 s samples by default: a rate is never taken over less than one full window.
        worker.time.sleep(30_000);

        assertThat((double) shardValue(ORDERS_1, "records-rate")).isCloseTo(10.0, within(0.01));
        assertThat((double) taskValue("records-rate")).isCloseTo(10.0, within(0.01));
    }

    @Test
    void lagIsTheAgeOfTheNewestRecordAndZeroOnAnEmptyPage() {
        metrics.pageRead(ORDERS_1, 10, Optional.of(NOW.minusMillis(1_500)));
        metrics.pageRead(ORDERS_2, 10, Optional.of(NOW.minusMillis(4_000)));
        assertThat(shardValue(ORDERS_1, "lag-ms")).isEqualTo(1_500.0);
        assertThat(taskValue("lag-ms-max")).isEqualTo(4_000.0);

        metrics.pageRead(ORDERS_2, 0, Optional.empty());
        assertThat(shardValue(ORDERS_2, "lag-ms")).isEqualTo(0.0);
        assertThat(taskValue("lag-ms-max")).isEqualTo(1_500.0);
    }

    @Test
    void lagIsUnknownUntilAPageSaysOtherwise() {
        assertThat((double) taskValue("lag-ms-max")).isNaN();
        metrics.throttled(ORDERS_1);
        assertThat((double) shardValue(ORDERS_1, "lag-ms")).isNaN();
        assertThat((double) taskValue("lag-ms-max")).isNaN();

        metrics.pageRead(ORDERS_1, 5, Optional.of(NOW.minusMillis(700)));
        metrics.pageRead(ORDERS_1, 5, Optional.empty());
        assertThat(shardValue(ORDERS_1, "lag-ms")).as("records without a creation time keep the last lag")
                .isEqualTo(700.0);
    }

    @Test
    void aRecordStampedAfterNowCountsAsNoLag() {
        metrics.pageRead(ORDERS_1, 1, Optional.of(NOW.plusSeconds(2)));

        assertThat(shardValue(ORDERS_1, "lag-ms")).isEqualTo(0.0);
    }

    @Test
    void throttlesAndGapsAreCountedPerShardAndForTheTask() {
        metrics.throttled(ORDERS_1);
        metrics.throttled(ORDERS_1);
        metrics.throttled(ORDERS_2);
        metrics.gap(ORDERS_2);

        assertThat(shardValue(ORDERS_1, "throttles-total")).isEqualTo(2.0);
        assertThat(shardValue(ORDERS_1, "gaps-total")).isEqualTo(0.0);
        assertThat(shardValue(ORDERS_2, "gaps-total")).isEqualTo(1.0);
        assertThat(taskValue("throttles-total")).isEqualTo(3.0);
        assertThat(taskValue("gaps-total")).isEqualTo(1.0);
    }

    @Test
    void aDrainedShardLosesItsMetricsButTheTaskTotalsKeepItsCounts() {
        metrics.pageRead(ORDERS_1, 40, Optional.of(NOW.minusSeconds(9)));
        metrics.gap(ORDERS_1);
        metrics.pageRead(ORDERS_2, 2, Optional.of(NOW));
        assertThat(taskValue("shard-count")).isEqualTo(2.0);

        metrics.shardDrained(ORDERS_1);

        assertThat(shardValue(ORDERS_1, "records-total")).isNull();
        assertThat(shardValue(ORDERS_1, "lag-ms")).isNull();
        assertThat(taskValue("shard-count")).isEqualTo(1.0);
        assertThat(taskValue("records-total")).isEqualTo(42.0);
        assertThat(taskValue("gaps-total")).isEqualTo(1.0);
        assertThat(taskValue("lag-ms-max")).as("a drained shard no longer lags").isEqualTo(0.0);
    }

    @Test
    void closeRemovesEveryMetricAndLaterEventsAreIgnored() {
        metrics.pageRead(ORDERS_1, 1, Optional.of(NOW));
        metrics.throttled(ORDERS_2);
        assertThat(worker.pluginMetricNames()).isNotEmpty();

        metrics.close();
        metrics.pageRead(ORDERS_1, 1, Optional.of(NOW));
        metrics.gap(ORDERS_2);
        metrics.close();

        assertThat(worker.pluginMetricNames()).isEmpty();
    }

    @Test
    void tasksOnOneWorkerDoNotCountIntoEachOther() {
        SourceTaskMetrics other = new PluginSourceTaskMetrics(worker.task("orders-source", 1), Clock.systemUTC());
        metrics.pageRead(ORDERS_1, 7, Optional.of(NOW));
        other.pageRead(ORDERS_2, 3, Optional.of(NOW));

        assertThat(taskValue("records-total")).isEqualTo(7.0);
        assertThat(worker.value("records-total", Map.of("connector", "orders-source", "task", "1"))).isEqualTo(3.0);

        other.close();
        assertThat(taskValue("records-total")).as("closing one task leaves the other's metrics").isEqualTo(7.0);
    }

    @Test
    void eventsAfterTheRuntimeClosedThePluginMetricsDoNotFailTheTask() throws Exception {
        PluginMetricsImpl pluginMetrics = worker.task("orders-source", 2);
        SourceTaskMetrics task = new PluginSourceTaskMetrics(pluginMetrics, Clock.systemUTC());
        task.pageRead(ORDERS_1, 1, Optional.of(NOW));

        pluginMetrics.close();
        task.pageRead(ORDERS_1, 1, Optional.of(NOW));
        task.pageRead(ORDERS_2, 1, Optional.of(NOW));
        task.shardDrained(ORDERS_1);
        task.close();

        assertThat(worker.value("records-total", Map.of("connector", "orders-source", "task", "2"))).isNull();
    }

    @Test
    void metricsAppearOverJmxUnderTheWorkersPluginObjectNames() throws Exception {
        metrics.pageRead(new ShardPartition("parcel.scans", "shardId-00000001732400000000-a1b2c3d4"), 12,
                Optional.of(NOW.minusMillis(250)));
        var server = ManagementFactory.getPlatformMBeanServer();

        ObjectName shard = new ObjectName("kafka.connect:type=plugins,connector=orders-source,task=0,"
                + "table=parcel.scans,shard=shardId-00000001732400000000-a1b2c3d4");
        ObjectName task = new ObjectName("kafka.connect:type=plugins,connector=orders-source,task=0");

        assertThat(server.getAttribute(shard, "records-total")).isEqualTo(12.0);
        assertThat(server.getAttribute(shard, "lag-ms")).isEqualTo(250.0);
        assertThat(server.getAttribute(task, "records-total")).isEqualTo(12.0);
        assertThat(server.getAttribute(task, "shard-count")).isEqualTo(1.0);
    }

    @Test
    void aSnapshotShowsItsProgressPerTableUntilItEnds() {
        Map<String, String> table = Map.of("connector", "orders-source", "task", "0", "table", "orders");
        metrics.snapshotStarted("orders", new SnapshotGauges() {
            public int segmentsTotal() { return 4; }
            public int segmentsDone() { return 1; }
            public long itemsScanned() { return 12_345; }
            public long rowsDropped() { return 7; }
            public double itemsPerSecond() { return 2_000; }
            public double remainingSeconds() { return 42; }
            public boolean outlivesRetention() { return true; }
        });

        assertThat(worker.value("snapshot-segments-total", table)).isEqualTo(4.0);
        assertThat(worker.value("snapshot-segments-done", table)).isEqualTo(1.0);
        assertThat(worker.value("snapshot-items-scanned", table)).isEqualTo(12_345.0);
        assertThat(worker.value("snapshot-rows-dropped", table)).isEqualTo(7.0);
        assertThat(worker.value("snapshot-items-rate", table)).isEqualTo(2_000.0);
        assertThat(worker.value("snapshot-remaining-seconds", table)).isEqualTo(42.0);
        assertThat(worker.value("snapshot-outlives-retention", table)).isEqualTo(1.0);

        metrics.snapshotEnded("orders");
        assertThat(worker.value("snapshot-segments-done", table)).isNull();
    }

    private Object shardValue(ShardPartition shard, String name) {
        return worker.value(name, Map.of("connector", "orders-source", "task", "0",
                "table", shard.table(), "shard", shard.shardId()));
    }

    private Object taskValue(String name) {
        return worker.value(name, TASK);
    }
}
