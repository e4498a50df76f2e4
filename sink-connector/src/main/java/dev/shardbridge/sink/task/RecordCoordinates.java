package dev.shardbridge.sink.task;

import org.apache.kafka.connect.sink.SinkRecord;

/** How messages name a record: its topic, partition and offset in the topic the sink consumes. */
public final class RecordCoordinates {

    private RecordCoordinates() {
    }

    public static String of(SinkRecord record) {
        // originalTopic() etc. name the record as consumed, before any SMT renamed it.
        return "topic " + record.originalTopic() + ", partition " + record.originalKafkaPartition()
                + ", offset " + record.originalKafkaOffset();
    }
}
