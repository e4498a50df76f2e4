package dev.shardbridge.quickstart;

import dev.shardbridge.emulator.admin.EmulatorAdmin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The demo's source table: parcel scans keyed by parcel id and scan sequence number, with a full-image stream. */
final class ParcelTable {
    static final String NAME = "parcel_scans";
    /** The sink's {@code table.name.format} in config/sink-emulator.json. */
    static final String REPLICA = NAME + "_replica";

    private ParcelTable() {
    }

    /**
     * Creates the table on {@code partitions} partitions, so its stream starts with that many shards and the
     * source runs that many tasks. The partition count is an emulator setting, given before the table exists.
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
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }
}
