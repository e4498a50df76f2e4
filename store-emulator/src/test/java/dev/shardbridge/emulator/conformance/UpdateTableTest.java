package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class UpdateTableTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void switchesAnOnDemandTableToProvisionedCapacityAndBack() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        TableDescription created = describe(table);

        TableDescription provisioned = dynamo.updateTable(b -> b.tableName(table).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(4L))).tableDescription();

        assertThat(provisioned.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertThat(provisioned.provisionedThroughput().writeCapacityUnits()).isEqualTo(4L);
        // AWS keeps reporting when the table last became on-demand.
        assertThat(describe(table).billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(describe(table).billingModeSummary().lastUpdateToPayPerRequestDateTime())
                .isEqualTo(created.creationDateTime());

        dynamo.updateTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));
        TableDescription onDemand = describe(table);
        assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
    }

    @Test
    void changesProvisionedCapacityButRefusesAnUnchangedOne() {
        String table = emulator.uniqueTableName("provisioned");
        dynamo.createTable(b -> b.tableName(table).keySchema(EmulatorFixture.key("pk", KeyType.HASH))
                .attributeDefinitions(EmulatorFixture.attribute("pk", ScalarAttributeType.S))
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));

        dynamo.updateTable(b -> b.tableName(table).provisionedThroughput(t -> t.readCapacityUnits(6L)
                .writeCapacityUnits(8L)));

        assertThat(describe(table).provisionedThroughput().writeCapacityUnits()).isEqualTo(8L);
        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .provisionedThroughput(t -> t.readCapacityUnits(6L).writeCapacityUnits(8L))),
                "The provisioned throughput for the table will not change. The requested value equals the current "
                        + "value. Current ReadCapacityUnits provisioned for the table: 6. "
                        + "Requested ReadCapacityUnits: 6. "
                        + "Current WriteCapacityUnits provisioned for the table: 8. Requested WriteCapacityUnits: 8. "
                        + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher "
                        + "limits.");
    }

    @Test
    void billingModeAndCapacityMustAgree() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table).billingMode(BillingMode.PROVISIONED)),
                "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode "
                        + "is PROVISIONED");
        assertThat(describe(table).billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void streamsAreSwitchedOffAndOnAgainWithANewLatestStream() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        TableDescription enabled = dynamo.updateTable(b -> b.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription();
        assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        String firstStream = describe(table).latestStreamArn();
        assertThat(firstStream).isNotNull();

        dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
        TableDescription disabled = describe(table);
        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamArn()).isEqualTo(firstStream);

        dynamo.updateTable(b -> b.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        TableDescription reenabled = describe(table);
        assertThat(reenabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(reenabled.latestStreamArn()).isNotEqualTo(firstStream);
    }

    @Test
    void streamChangesThatChangeNothingAreRejected() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .streamSpecification(s -> s.streamEnabled(false))),
                "Table has no stream to disable: TableName: " + table);
        dynamo.updateTable(b -> b.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE))),
                "Table already has an enabled stream: TableName: " + table);
        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .streamSpecification(s -> s.streamEnabled(true))),
                "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is "
                        + "required");
        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)
                        .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.NEW_IMAGE))),
                "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not "
                        + "be specified");
        assertThat(describe(table).streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    void anUpdateMustUpdateSomethingOnAnExistingTable() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.updateTable(b -> b.tableName(table)),
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
                        + "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
                        + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or "
                        + "TableClass is required");
        assertAwsError(() -> dynamo.updateTable(b -> b.tableName("never_created")
                        .billingMode(BillingMode.PAY_PER_REQUEST)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: never_created not found");
    }

    private TableDescription describe(String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table();
    }
}
