package dev.shardbridge.sink.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.Changes;
import dev.shardbridge.sink.errors.BadRecordException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class ChangeValidatorTest {

    private static final TargetKeySchema STRING_KEY = new TargetKeySchema(Map.of("pk", ScalarAttributeType.S));

    private final ChangeValidator validator = new ChangeValidator(STRING_KEY, 60);

    @Test
    void acceptsWellFormedChanges() {
        assertThatCode(() -> validator.validate(Changes.put(Operation.CREATE, "a", "1", 1))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(Changes.delete("a", "2"))).doesNotThrowAnyException();
    }

    @Test
    void anUpsertWithoutItsNewImageIsABadRecord() {
        for (Operation op : new Operation[] {Operation.CREATE, Operation.UPDATE, Operation.READ}) {
            assertThatThrownBy(() -> validator.validate(Changes.withoutImage(op, "a", op == Operation.READ ? null : "1")))
                    .isInstanceOf(BadRecordException.class)
                    .hasMessageContaining("has no new image").hasMessageContaining("NEW_IMAGE");
        }
    }

    @Test
    void anItemOverTheSizeLimitIsABadRecord() {
        ChangeEvent change = withAttribute("blob", AttributeValue.fromS("x".repeat(ItemSize.MAX_ITEM_BYTES)));

        assertThatThrownBy(() -> validator.validate(change)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("exceeds DynamoDB's limit of 409600 bytes");
    }

    @Test
    void theGuardsOwnAttributeCountsTowardsTheLimit() {
        long imageWithoutBlob = ItemSize.of(Changes.put(Operation.UPDATE, "a", "1", 1).after()) + "blob".length();
        String justFits = "x".repeat((int) (ItemSize.MAX_ITEM_BYTES - imageWithoutBlob));
        ChangeEvent change = withAttribute("blob", AttributeValue.fromS(justFits));

        assertThat(ItemSize.of(change.after())).isEqualTo(ItemSize.MAX_ITEM_BYTES);
        assertThatCode(() -> new ChangeValidator(STRING_KEY, 0).validate(change)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.validate(change)).isInstanceOf(BadRecordException.class);
    }

    @Test
    void aKeyOfTheWrongTypeForTheTargetIsABadRecord() {
        TargetKeySchema numberKey = new TargetKeySchema(Map.of("pk", ScalarAttributeType.N));

        assertThatThrownBy(() -> new ChangeValidator(numberKey, 0).validate(Changes.delete("a", "1")))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("Key attribute 'pk' is of type S but the target table declares N");
    }

    @Test
    void aKeyAttributeTheTargetNeedsButTheChangeLacksIsABadRecord() {
        TargetKeySchema compositeKey = TargetKeySchema.of(TableDescription.builder()
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N),
                        definition("gsi", ScalarAttributeType.S))
                .build());

        assertThat(compositeKey.types()).containsOnlyKeys("pk", "sk");
        assertThatThrownBy(() -> new ChangeValidator(compositeKey, 0).validate(Changes.delete("a", "1")))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("Missing key attribute 'sk'");
    }

    @Test
    void measuresItemsAsDynamoDbDoes() {
        Map<String, AttributeValue> item = Map.of(
                "s", AttributeValue.fromS("héllo"),                      // 1 + 6
                "n", AttributeValue.fromN("123.4500"),                   // 1 + (5+1)/2+1 = 4
                "b", AttributeValue.fromBool(true),                      // 1 + 1
                "l", AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("ab")))); // 1 + 3 + 1 + 2

        assertThat(ItemSize.of(item)).isEqualTo(7 + 5 + 2 + 7);
    }

    private static ChangeEvent withAttribute(String name, AttributeValue value) {
        ChangeEvent change = Changes.put(Operation.UPDATE, "a", "1", 1);
        Map<String, AttributeValue> image = new HashMap<>(change.after());
        image.put(name, value);
        return new ChangeEvent(change.op(), change.key(), null, image, change.source(), Instant.EPOCH);
    }

    private static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
