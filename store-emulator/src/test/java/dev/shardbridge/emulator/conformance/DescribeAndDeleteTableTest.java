package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DescribeAndDeleteTableTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void describeTableCountsItemsAndTheirSize() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("a"), "v", s("12345")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("b")))).build()))));

        TableDescription described = dynamo.describeTable(b -> b.tableName(table)).table();

        assertThat(described.itemCount()).isEqualTo(2);
        // "pk" + "a" + "v" + "12345", then "pk" + "b": names count toward an item's size.
        assertThat(described.tableSizeBytes()).isEqualTo(9 + 3);
    }

    @Test
    void describingAMissingTableNamesIt() {
        assertAwsError(() -> dynamo.describeTable(b -> b.tableName("never_created")),
                ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: never_created not found");
        assertValidationError(() -> dynamo.describeTable(b -> b.tableName("no")),
                "1 validation error detected: Value 'no' at 'tableName' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 3");
    }

    @Test
    void deleteTableAnswersTheTableAsDeletingAndRemovesIt() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        TableDescription deleted = dynamo.deleteTable(b -> b.tableName(table)).tableDescription();

        assertThat(deleted.tableName()).isEqualTo(table);
        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(dynamo.listTables().tableNames()).doesNotContain(table);
        assertAwsError(() -> dynamo.deleteTable(b -> b.tableName(table)), ResourceNotFoundException.class,
                "ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    @Test
    void itemsOfADeletedTableAreGoneAndDataPlaneCallsFail() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("a")))).build()))));
        dynamo.deleteTable(b -> b.tableName(table));

        assertAwsError(() -> dynamo.getItem(b -> b.tableName(table).key(item("pk", s("a")))),
                ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found");
        assertAwsError(() -> dynamo.scan(b -> b.tableName(table)),
                ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found");
        dynamo.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .keySchema(EmulatorFixture.key("pk", KeyType.HASH))
                .attributeDefinitions(EmulatorFixture.attribute("pk", ScalarAttributeType.S)));
        assertThat(dynamo.scan(b -> b.tableName(table)).items()).isEmpty();
    }
}
