package dev.shardbridge.quickstart;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumer group {@code parcel-aggregator}: keeps parcels in transit per destination city from the change topic,
 * and tallies what the topic held, snapshot reads apart.
 */
final class AggregatorReader extends GroupReader {
    static final String GROUP = "parcel-aggregator";

    private final InTransitAggregate aggregate = new InTransitAggregate();
    private final TopicTally tally = new TopicTally();

    AggregatorReader(String bootstrapServers) {
        super(bootstrapServers, GROUP, ParcelTable.NAME);
    }

    @Override
    void handle(ConsumerRecord<byte[], byte[]> record) {
        ScanChange.parse(record.value()).ifPresentOrElse(change -> {
            tally.change(change);
            aggregate.apply(change);
        }, tally::tombstone);
    }

    TopicTally tally() {
        return tally;
    }

    InTransitAggregate aggregate() {
        return aggregate;
    }
}
