package dev.shardbridge.quickstart;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Consumer group {@code parcel-aggregator}: keeps parcels in transit per destination city from the change topic. */
final class AggregatorReader extends GroupReader {
    static final String GROUP = "parcel-aggregator";

    private final InTransitAggregate aggregate = new InTransitAggregate();

    AggregatorReader(String bootstrapServers) {
        super(bootstrapServers, GROUP, ParcelTable.NAME);
    }

    @Override
    void handle(ConsumerRecord<byte[], byte[]> record) {
        ScanChange.parse(record.value()).ifPresent(aggregate::apply);
    }

    InTransitAggregate aggregate() {
        return aggregate;
    }
}
