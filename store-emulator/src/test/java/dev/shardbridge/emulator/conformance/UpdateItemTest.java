package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertAwsError;
import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.l;
import static dev.shardbridge.emulator.conformance.Values.m;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.ns;
import static dev.shardbridge.emulator.conformance.Values.s;
import static dev.shardbridge.emulator.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class UpdateItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private final DynamoDbClient dynamo = emulator.client();

    @Test
    void setCreatesTheItemWhenAbsent() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        Map<String, AttributeValue> created = update(table, "a", "SET v = :v", Map.of(":v", s("x")),
                ReturnValue.ALL_NEW);

        assertThat(created).isEqualTo(item("pk", s("a"), "v", s("x")));
    }

    @Test
    void arithmeticAddsAndSubtractsNumbersExactly() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "n", n("0.1")));

        update(table, "a", "SET n = n + :x", Map.of(":x", n("0.2")), ReturnValue.NONE);
        Map<String, AttributeValue> afterMinus = update(table, "a", "SET n = n - :y", Map.of(":y", n("10")),
                ReturnValue.UPDATED_NEW);

        assertThat(afterMinus).isEqualTo(item("n", n("-9.7")));
    }

    @Test
    void ifNotExistsInitialisesACounter() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        Map<String, AttributeValue> values = Map.of(":zero", n(0), ":one", n(1));

        update(table, "a", "SET c = if_not_exists(c, :zero) + :one", values, ReturnValue.NONE);
        Map<String, AttributeValue> second = update(table, "a", "SET c = if_not_exists(c, :zero) + :one", values,
                ReturnValue.UPDATED_NEW);

        assertThat(second).isEqualTo(item("c", n(2)));
    }

    @Test
    void listAppendAddsAtEitherEnd() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "l", l(n(1))));

        update(table, "a", "SET l = list_append(l, :back)", Map.of(":back", l(n(2), n(3))), ReturnValue.NONE);
        Map<String, AttributeValue> result = update(table, "a", "SET l = list_append(:front, l)",
                Map.of(":front", l(n(0))), ReturnValue.UPDATED_NEW);

        assertThat(result).isEqualTo(item("l", l(n(0), n(1), n(2), n(3))));
    }

    @Test
    void removeDeletesAttributesAndListElements() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "gone", s("x"), "l", l(n(0), n(1), n(2)), "m", m(item("x", n(1), "y", n(2)))));

        update(table, "a", "REMOVE gone, l[1], m.x", null, ReturnValue.NONE);

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "l", l(n(0), n(2)), "m", m(item("y", n(2)))));
    }

    @Test
    void addIncrementsNumbersAndExtendsSets() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "n", n(5), "tags", ss("x")));

        update(table, "a", "ADD n :two, tags :more, fresh :one, nums :ns",
                Map.of(":two", n(2), ":more", ss("y", "x"), ":one", n(1), ":ns", ns("1", "2")), ReturnValue.NONE);

        Map<String, AttributeValue> after = get(table, "a");
        assertThat(after.get("n")).isEqualTo(n(7));
        assertThat(after.get("fresh")).isEqualTo(n(1));
        assertThat(after.get("tags").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(after.get("nums").ns()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void deleteRemovesSetMembersAndTheAttributeWhenNoneRemain() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "tags", ss("x", "y", "z")));

        update(table, "a", "DELETE tags :some", Map.of(":some", ss("x", "absent")), ReturnValue.NONE);
        assertThat(get(table, "a").get("tags").ss()).containsExactlyInAnyOrder("y", "z");

        update(table, "a", "DELETE tags :rest", Map.of(":rest", ss("y", "z")), ReturnValue.NONE);
        assertThat(get(table, "a")).isEqualTo(item("pk", s("a")));
    }

    @Test
    void setWritesIntoNestedMapsAndLists() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "m", m(item("nested", m(item()))), "l", l(s("a"), s("b"))));

        update(table, "a", "SET m.nested.deep = :v, l[1] = :v, l[7] = :w", Map.of(":v", s("set"), ":w", s("end")),
                ReturnValue.NONE);

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "m", m(item("nested", m(item("deep", s("set"))))),
                "l", l(s("a"), s("set"), s("end"))));
    }

    @Test
    void returnValuesAnswerTheRequestedPartOfTheItem() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "kept", s("k"), "n", n(1), "m", m(item("x", n(1), "y", n(2)))));
        String expression = "SET n = n + :one, m.x = :ten";
        Map<String, AttributeValue> values = Map.of(":one", n(1), ":ten", n(10));

        assertThat(update(table, "a", expression, values, ReturnValue.NONE)).isEmpty();
        assertThat(update(table, "a", expression, values, ReturnValue.ALL_OLD)).isEqualTo(
                item("pk", s("a"), "kept", s("k"), "n", n(2), "m", m(item("x", n(10), "y", n(2)))));
        assertThat(update(table, "a", expression, values, ReturnValue.UPDATED_OLD))
                .isEqualTo(item("n", n(3), "m", m(item("x", n(10)))));
        assertThat(update(table, "a", expression, values, ReturnValue.UPDATED_NEW))
                .isEqualTo(item("n", n(5), "m", m(item("x", n(10)))));
        assertThat(update(table, "a", expression, values, ReturnValue.ALL_NEW)).isEqualTo(
                item("pk", s("a"), "kept", s("k"), "n", n(6), "m", m(item("x", n(10), "y", n(2)))));
    }

    @Test
    void aConditionGuardsTheUpdate() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "v", n(1)));

        assertAwsError(() -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("a")))
                        .updateExpression("SET v = :two").conditionExpression("v = :zero")
                        .expressionAttributeValues(Map.of(":two", n(2), ":zero", n(0)))),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed");
        assertAwsError(() -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("new")))
                        .updateExpression("SET v = :two").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":two", n(2)))),
                ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed");

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("new")))).hasItem()).isFalse();
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        String table = emulator.createHashTable(ScalarAttributeType.S);

        assertValidationError(() -> update(table, "a", "SET pk = :v", Map.of(":v", s("b")), ReturnValue.NONE),
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of "
                        + "the key");
    }

    @Test
    void operandsOfTheWrongTypeAreRejected() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "s", s("text"), "n", n(1)));

        assertValidationError(() -> update(table, "a", "SET s = s + :one", Map.of(":one", n(1)), ReturnValue.NONE),
                "An operand in the update expression has an incorrect data type");
        assertValidationError(() -> update(table, "a", "ADD s :one", Map.of(":one", n(1)), ReturnValue.NONE),
                "An operand in the update expression has an incorrect data type");
        assertValidationError(() -> update(table, "a", "SET nothingHere.child = :v", Map.of(":v", s("x")),
                ReturnValue.NONE), "The document path provided in the update expression is invalid for update");
        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "s", s("text"), "n", n(1)));
    }

    @Test
    void anUpdateThatGrowsTheItemPast400KbIsRejected() {
        String table = emulator.createHashTable(ScalarAttributeType.S);
        put(table, item("pk", s("a"), "big", s("x".repeat(300 * 1024))));

        assertValidationError(() -> update(table, "a", "SET more = :v", Map.of(":v", s("y".repeat(120 * 1024))),
                ReturnValue.NONE), "Item size to update has exceeded the maximum allowed size");
        assertThat(get(table, "a")).doesNotContainKey("more");
    }

    private Map<String, AttributeValue> update(String table, String pk, String expression,
                                               Map<String, AttributeValue> values, ReturnValue returnValue) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(item("pk", s(pk)))
                .updateExpression(expression).returnValues(returnValue);
        if (values != null) {
            request.expressionAttributeValues(values);
        }
        return dynamo.updateItem(request.build()).attributes();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        return dynamo.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }
}
