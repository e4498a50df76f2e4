package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DeleteItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void deletesTheItemAndCanAnswerIt() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(1))));

        DeleteItemResponse deleted = dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("a")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(deleted.attributes()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("a")))).hasItem()).isFalse();
    }

    @Test
    void deletingAMissingItemSucceedsWithNothingToAnswer() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        DeleteItemResponse deleted = dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("never")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(deleted.hasAttributes()).isFalse();
    }

    @Test
    void aConditionGuardsTheDelete() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "state", s("open"))));

        assertAwsError(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("a")))
                        .conditionExpression("#s = :closed").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":closed", s("closed")))),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed");
        assertAwsError(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("never")))
                        .conditionExpression("attribute_exists(pk)")),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("a")))).hasItem()).isTrue();

        dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("a"))).conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":open", s("open"))));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("a")))).hasItem()).isFalse();
    }

    @Test
    void onlyNoneAndAllOldMayBeReturned() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("a")))
                .returnValues(ReturnValue.UPDATED_OLD)), "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void theKeyMustMatchTheSchema() {
        String table = emulator.createHashTable(ScalarAttributeType.N);

        assertValidationError(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("1")))),
                "The provided key element does not match the schema");
        assertValidationError(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("id", n(1)))),
                "The provided key element does not match the schema");
    }
}
