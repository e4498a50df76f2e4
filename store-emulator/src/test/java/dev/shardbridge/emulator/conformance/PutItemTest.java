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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class PutItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void aPutReplacesTheWholeItem() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "first", s("1"), "second", n(2))));

        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "third", s("3"))));

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "third", s("3")));
    }

    @Test
    void returnValuesAllOldAnswersTheReplacedItemOnly() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        PutItemResponse first = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(1)))
                .returnValues(ReturnValue.ALL_OLD));
        PutItemResponse second = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(2)))
                .returnValues(ReturnValue.ALL_OLD));
        PutItemResponse none = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(3)))
                .returnValues(ReturnValue.NONE));

        assertThat(first.hasAttributes()).isFalse();
        assertThat(second.attributes()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(none.hasAttributes()).isFalse();
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                .returnValues(ReturnValue.ALL_NEW)), "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void aConditionGuardsTheWrite() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "version", n(1)))
                .conditionExpression("attribute_not_exists(pk)"));

        assertAwsError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "version", n(9)))
                        .conditionExpression("attribute_not_exists(pk)")),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed");
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "version", n(2)))
                .conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", n(1))));

        assertThat(get(table, "a")).containsEntry("version", n(2));
    }

    @Test
    void aFailedConditionCanReturnTheCurrentItem() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", s("kept"))));

        ConditionalCheckFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", s("lost")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(failure.item()).isEqualTo(item("pk", s("a"), "v", s("kept")));
        assertThat(get(table, "a")).containsEntry("v", s("kept"));
    }

    @Test
    void theItemMustCarryTheKeyWithItsDeclaredType() {
        String table = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);

        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))),
                "One or more parameter values were invalid: Missing the key sk in the item");
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "sk", s("1")))),
                "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s(""), "sk", n(1)))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                        + "an empty string value. Key: pk");
    }

    @Test
    void nonKeyAttributesMayBeEmptyStringsAndBinaries() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "text", s(""), "bytes", Values.b())));

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "text", s(""), "bytes", Values.b()));
    }

    @Test
    void everyExpressionAttributeMustBeUsed() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeValues(Map.of(":unused", s("x")))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeNames(Map.of("#unused", "x"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                        .expressionAttributeValues(Map.of(":v", s("x")))),
                "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
    }

    @Test
    void legacyConditionParametersAreRefusedRatherThanIgnored() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                        .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))),
                "The legacy parameters [Expected] are not supported by the shardbridge store emulator; use "
                        + "ConditionExpression instead");
        assertValidationError(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))),
                "Can not use both expression and non-expression parameters in the same request: Non-expression "
                        + "parameters: {Expected} Expression parameters: {ConditionExpression}");
        assertThat(dynamo.scan(b -> b.tableName(table)).items()).isEmpty();
    }

    @Test
    void aMissingTableIsResourceNotFound() {
        assertAwsError(() -> dynamo.putItem(b -> b.tableName("never_created").item(item("pk", s("a")))),
                ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found");
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        return dynamo.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }
}
