package dev.shardbridge.source.metrics;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;

import static dev.shardbridge.source.metrics.SourceMetricNames.GAPS_TOTAL;
import static dev.shardbridge.source.metrics.SourceMetricNames.GAPS_TOTAL_SHARD_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.GAPS_TOTAL_TASK_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_RATE;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_RATE_SHARD_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_RATE_TASK_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_TOTAL;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_TOTAL_SHARD_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.RECORDS_TOTAL_TASK_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.THROTTLES_TOTAL;
import static dev.shardbridge.source.metrics.SourceMetricNames.THROTTLES_TOTAL_SHARD_DOC;
import static dev.shardbridge.source.metrics.SourceMetricNames.THROTTLES_TOTAL_TASK_DOC;

/**
 * The counted metrics, which shards and the task share: records (total and rate), throttles and gaps. Kafka's
 * sensors do the counting, so rates use the runtime's sample windows like every other Connect metric.
 */
record Counters(Sensor records, Sensor throttles, Sensor gaps) {

    static Counters forShard(Registrations registrations) {
        return create(registrations, RECORDS_TOTAL_SHARD_DOC, RECORDS_RATE_SHARD_DOC,
                THROTTLES_TOTAL_SHARD_DOC, GAPS_TOTAL_SHARD_DOC);
    }

    static Counters forTask(Registrations registrations) {
        return create(registrations, RECORDS_TOTAL_TASK_DOC, RECORDS_RATE_TASK_DOC,
                THROTTLES_TOTAL_TASK_DOC, GAPS_TOTAL_TASK_DOC);
    }

    private static Counters create(Registrations registrations, String recordsTotalDoc, String recordsRateDoc,
                                   String throttlesDoc, String gapsDoc) {
        Sensor records = registrations.sensor("records");
        records.add(registrations.name(RECORDS_TOTAL, recordsTotalDoc), new CumulativeSum());
        records.add(registrations.name(RECORDS_RATE, recordsRateDoc), new Rate());
        Sensor throttles = registrations.sensor("throttles");
        throttles.add(registrations.name(THROTTLES_TOTAL, throttlesDoc), new CumulativeCount());
        Sensor gaps = registrations.sensor("gaps");
        gaps.add(registrations.name(GAPS_TOTAL, gapsDoc), new CumulativeCount());
        return new Counters(records, throttles, gaps);
    }
}
