package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.l;
import static dev.shardbridge.emulator.conformance.Values.m;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.s;
import static dev.shardbridge.emulator.conformance.Values.sortedSets;
import static dev.shardbridge.emulator.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class GetItemTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private static final Map<String, AttributeValue> DOCUMENT = item(
            "pk", s("doc"), "sk", n(1),
            "name", s("parcel"),
            "dims", m(item("w", n(2), "h", n(3), "history", l(s("created"), m(item("when", n(7)))))),
            "scans", l(n(10), n(20), n(30)),
            "tags", ss("fragile", "express"),
            "a.b", s("a name with a dot"));

    private static String table;

    private final DynamoDbClient dynamo = emulator.client();

    @BeforeAll
    static void storeOneDocument() {
        table = emulator.createCompositeTable(ScalarAttributeType.S, ScalarAttributeType.N);
        emulator.client().putItem(b -> b.tableName(table).item(DOCUMENT));
    }

    @Test
    void answersTheWholeItemWithEventualOrStrongConsistency() {
        assertThat(sortedSets(get(b -> b).item())).isEqualTo(sortedSets(DOCUMENT));
        assertThat(sortedSets(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("doc"), "sk", n(1)))
                .consistentRead(true)).item())).isEqualTo(sortedSets(DOCUMENT));
    }

    @Test
    void aMissingItemAnswersNoItem() {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(item("pk", s("doc"), "sk", n(2))));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void projectsTopLevelAttributesAndPathsIntoNestedDocuments() {
        assertThat(sortedSets(get(b -> b.projectionExpression("#n, tags")
                .expressionAttributeNames(Map.of("#n", "name"))).item()))
                .isEqualTo(item("name", s("parcel"), "tags", ss("express", "fragile")));
        assertThat(get(b -> b.projectionExpression("dims.h, scans[1], dims.history[1].#w, absentOne, scans[9]")
                .expressionAttributeNames(Map.of("#w", "when"))).item())
                .isEqualTo(item("dims", m(item("h", n(3), "history", l(m(item("when", n(7)))))), "scans", l(n(20))));
        assertThat(get(b -> b.projectionExpression("#dotted").expressionAttributeNames(Map.of("#dotted", "a.b")))
                .item()).isEqualTo(item("a.b", s("a name with a dot")));
    }

    @Test
    void projectionMistakesAreValidationErrors() {
        assertValidationError(() -> get(b -> b.projectionExpression("tags, tags")),
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite "
                        + "one of these paths; path one: [tags], path two: [tags]");
        assertValidationError(() -> get(b -> b.projectionExpression("name")),
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertValidationError(() -> get(b -> b.projectionExpression("#n")),
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not "
                        + "defined; attribute name: #n");
        assertValidationError(() -> get(b -> b.projectionExpression("tags")
                        .expressionAttributeNames(Map.of("#unused", "x"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
    }

    @Test
    void theKeyMustBeExactlyTheTableKey() {
        String message = "The provided key element does not match the schema";
        assertValidationError(() -> dynamo.getItem(b -> b.tableName(table).key(item("pk", s("doc")))), message);
        assertValidationError(() -> dynamo.getItem(b -> b.tableName(table)
                .key(item("pk", s("doc"), "sk", n(1), "name", s("parcel")))), message);
        assertValidationError(() -> dynamo.getItem(b -> b.tableName(table).key(item("pk", s("doc"), "sk", s("1")))),
                message);
    }

    @Test
    void reportsConsumedCapacityWhenAsked() {
        GetItemResponse eventual = get(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        GetItemResponse strong = get(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).consistentRead(true));

        assertThat(eventual.consumedCapacity().tableName()).isEqualTo(table);
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    private GetItemResponse get(UnaryOperator<GetItemRequest.Builder> options) {
        return dynamo.getItem(options.apply(GetItemRequest.builder()
                .tableName(table).key(item("pk", s("doc"), "sk", n(1)))).build());
    }
}
