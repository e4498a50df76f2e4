package dev.shardbridge.quickstart;

import dev.shardbridge.emulator.admin.EmulatorAdmin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The demo's source table: parcel scans keyed by parcel id and scan sequence number. Its full-image stream is
 * enabled only after the existing scans are written, so they are in the table but not in the stream, as in a
 * table older than its stream's 24-hour retention: only the source's snapshot can bring them to the replica.
 */
final class ParcelTable {
    static final String NAME = "parcel_scans";
    /** The sink's {@code table.name.format} in config/sink-emulator.json. */
    static final String REPLICA = NAME + "_replica";

    private ParcelTable() {
    }

    /**
     * Creates the table on {@code partitions} partitions, without a stream yet. The partition count is an
     * emulator setting, given before the table exists; the stream starts with a shard per partition.
     */
    static void create(DynamoDbClient client, EmulatorAdmin admin, int partitions) {
        admin.setPartitions(NAME, partitions);
        client.createTable(b -> b.tableName(NAME)
                .keySchema(KeySchemaElement.builder().attributeName(ParcelScan.PARCEL_ID).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(ParcelScan.SCAN_SEQ).keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(ParcelScan.PARCEL_ID)
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(ParcelScan.SCAN_SEQ)
                                .attributeType(ScalarAttributeType.N).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** Enables the table's stream with old and new images: changes from now on are in it. */
    static void enableStream(DynamoDbClient client) {
        client.updateTable(b -> b.tableName(NAME)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
}
