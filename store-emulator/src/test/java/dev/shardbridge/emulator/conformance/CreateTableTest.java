package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.EmulatorFixture.attribute;
import static dev.shardbridge.emulator.conformance.EmulatorFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class CreateTableTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @ParameterizedTest
    @EnumSource(value = ScalarAttributeType.class, names = {"S", "N", "B"})
    void createsATableWithAPartitionKeyOfEachScalarType(ScalarAttributeType type) {
        String name = emulator.uniqueTableName("hash-" + type);

        TableDescription created = dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", type))).tableDescription();

        assertThat(created.tableName()).isEqualTo(name);
        assertThat(created.keySchema()).containsExactly(key("id", KeyType.HASH));
        assertThat(created.attributeDefinitions()).containsExactly(attribute("id", type));
        assertThat(created.itemCount()).isZero();
        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.keySchema()).containsExactly(key("id", KeyType.HASH));
        assertThat(described.tableArn()).isEqualTo(created.tableArn()).endsWith(":table/" + name);
        assertThat(described.tableId()).isEqualTo(created.tableId());
    }

    @Test
    void createsATableWithPartitionAndSortKeysInSchemaOrder() {
        String name = emulator.uniqueTableName("composite");

        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("customer", KeyType.HASH), key("orderedAt", KeyType.RANGE))
                .attributeDefinitions(attribute("orderedAt", ScalarAttributeType.N),
                        attribute("customer", ScalarAttributeType.S)));

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.keySchema()).containsExactly(key("customer", KeyType.HASH),
                key("orderedAt", KeyType.RANGE));
        assertThat(described.attributeDefinitions()).containsExactly(attribute("orderedAt", ScalarAttributeType.N),
                attribute("customer", ScalarAttributeType.S));
    }

    @Test
    void anOnDemandTableReportsItsBillingModeAndZeroCapacity() {
        String name = emulator.createHashTable(ScalarAttributeType.S);

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();

        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime())
                .isEqualTo(described.creationDateTime());
        assertThat(described.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isZero();
    }

    @Test
    void aProvisionedTableReportsItsCapacityAndNoBillingSummary() {
        String name = emulator.uniqueTableName("provisioned");

        dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(7L)));

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.billingModeSummary()).isNull();
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        assertThat(described.provisionedThroughput().numberOfDecreasesToday()).isZero();
    }

    @Test
    void aStreamSpecificationIsStoredAndDescribedWithTheLatestStream() {
        String name = emulator.uniqueTableName("streamed");

        TableDescription created = dynamo.createTable(onDemand(name)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build()).tableDescription();

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.streamSpecification().streamEnabled()).isTrue();
        assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(described.latestStreamArn()).isEqualTo(created.latestStreamArn())
                .startsWith(described.tableArn() + "/stream/").endsWith(described.latestStreamLabel());
    }

    @Test
    void aDisabledStreamSpecificationLeavesTheTableWithoutAStream() {
        String name = emulator.uniqueTableName("unstreamed");

        dynamo.createTable(onDemand(name).streamSpecification(s -> s.streamEnabled(false)).build());

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.streamSpecification()).isNull();
        assertThat(described.latestStreamArn()).isNull();
    }

    @Test
    void aTakenNameIsAResourceInUseException() {
        String name = emulator.createHashTable(ScalarAttributeType.S);

        assertAwsError(() -> dynamo.createTable(onDemand(name).build()), ResourceInUseException.class,
                "ResourceInUseException", "Table already exists: " + name);
    }

    @Test
    void parameterConstraintsAreReportedTogetherInAwsFormat() {
        assertValidationError(() -> dynamo.createTable(b -> b.tableName("ab").billingMode("FREE")
                        .keySchema(key("pk", KeyType.HASH))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 3; Value 'FREE' at 'billingMode' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        assertValidationError(() -> dynamo.createTable(onDemand("bad name!").build()),
                "1 validation error detected: Value 'bad name!' at 'tableName' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertValidationError(() -> dynamo.createTable(b -> b.tableName("no_keys")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must "
                        + "not be null");
    }

    @Test
    void keySchemaMistakesAreRejectedWithAwsMessages() {
        var hashA = key("a", KeyType.HASH);
        var stringA = attribute("a", ScalarAttributeType.S);
        var stringB = attribute("b", ScalarAttributeType.S);

        assertValidationError(() -> createOnDemand(List.of(hashA), attribute("other", ScalarAttributeType.S)),
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [a], AttributeDefinitions: [other]");
        assertValidationError(() -> createOnDemand(List.of(hashA), stringA, stringB),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly "
                        + "match number of attributes defined in AttributeDefinitions");
        assertValidationError(() -> createOnDemand(List.of(key("a", KeyType.RANGE)), stringA),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertValidationError(() -> createOnDemand(List.of(hashA, key("b", KeyType.HASH)), stringA, stringB),
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        assertValidationError(() -> createOnDemand(List.of(hashA, key("a", KeyType.RANGE)), stringA, stringB),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        assertValidationError(() -> createOnDemand(List.of(hashA, key("b", KeyType.RANGE)), stringA),
                "Invalid KeySchema: Some index key attribute have no definition");
        assertValidationError(() -> createOnDemand(List.of(hashA), stringA, attribute("a", ScalarAttributeType.N)),
                "Attribute Name is duplicated: a");
        assertThat(dynamo.listTables().tableNames()).doesNotContain("mistaken");
    }

    private void createOnDemand(List<KeySchemaElement> keys, AttributeDefinition... definitions) {
        dynamo.createTable(b -> b.tableName("mistaken").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(keys)
                .attributeDefinitions(definitions));
    }

    @Test
    void billingModeAndCapacityMustAgree() {
        assertValidationError(() -> dynamo.createTable(onDemand("on_demand_with_capacity")
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build()),
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
        assertValidationError(() -> dynamo.createTable(b -> b.tableName("provisioned_without_capacity")
                        .keySchema(key("pk", KeyType.HASH))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))),
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
        assertValidationError(() -> dynamo.createTable(b -> b.tableName("zero_capacity")
                        .keySchema(key("pk", KeyType.HASH))
                        .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                        .provisionedThroughput(t -> t.readCapacityUnits(0L).writeCapacityUnits(1L))),
                "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void aStreamNeedsAViewTypeExactlyWhenEnabled() {
        assertValidationError(() -> dynamo.createTable(onDemand("stream_without_view")
                        .streamSpecification(s -> s.streamEnabled(true)).build()),
                "One or more parameter values were invalid: Table is being created with a stream enabled, "
                        + "UpdateViewType is required");
        assertValidationError(() -> dynamo.createTable(onDemand("disabled_stream_with_view")
                        .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))
                        .build()),
                "One or more parameter values were invalid: Table is being created with a stream disabled, "
                        + "UpdateViewType should not be specified");
        assertThat(dynamo.listTables().tableNames()).doesNotContain("stream_without_view", "disabled_stream_with_view");
    }

    private static CreateTableRequest.Builder onDemand(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk", ScalarAttributeType.S));
    }
}
