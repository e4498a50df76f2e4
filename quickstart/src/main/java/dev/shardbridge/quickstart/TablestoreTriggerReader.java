package dev.shardbridge.quickstart;

import dev.shardbridge.event.cbor.CborConverter;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Consumer group {@code tablestore-trigger}: delivers each change as a function written for Tablestore
 * triggers expects it. It does what a worker configured with {@code CborConverter} and
 * {@code format=tablestore-sync-v1} would do to the change topic (JSON in, Connect data, Sync-v1 CBOR out)
 * and hands the bytes to {@link SyncV1Tally}, which decodes them as the trigger function would.
 */
final class TablestoreTriggerReader extends GroupReader {
    static final String GROUP = "tablestore-trigger";

    private final JsonConverter json = new JsonConverter();
    private final CborConverter syncV1 = new CborConverter();
    private final SyncV1Tally tally = new SyncV1Tally();

    TablestoreTriggerReader(String bootstrapServers) {
        super(bootstrapServers, GROUP, ParcelTable.NAME);
        json.configure(Map.of("schemas.enable", "true"), false);
        syncV1.configure(Map.of("format", "tablestore-sync-v1"), false);
    }

    @Override
    void handle(ConsumerRecord<byte[], byte[]> record) {
        SchemaAndValue event = json.toConnectData(record.topic(), record.value());
        if (event.value() == null) {
            return; // a tombstone: nothing for a trigger
        }
        tally.accept(syncV1.fromConnectData(record.topic(), event.schema(), event.value()));
    }

    SyncV1Tally tally() {
        return tally;
    }
}
