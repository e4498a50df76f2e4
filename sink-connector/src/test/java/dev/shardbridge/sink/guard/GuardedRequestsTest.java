package dev.shardbridge.sink.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.Changes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class GuardedRequestsTest {

    private static final String SEQ = "111111111111111111111";
    private static final AttributeValue VERSION = AttributeValue.fromS("0000000000000000000" + SEQ);

    private final GuardedRequests requests = new GuardedRequests("_v", "_deleted");

    @Test
    void putWritesTheFullImageStampedWithItsVersion() {
        PutItemRequest put = requests.forChange("target", Changes.put(Operation.UPDATE, "a", SEQ, 7));

        assertThat(put.tableName()).isEqualTo("target");
        assertThat(put.item()).containsOnly(
                Map.entry("pk", AttributeValue.fromS("a")),
                Map.entry("n", AttributeValue.fromN("7")),
                Map.entry("_v", VERSION));
    }

    @Test
    void everyWriteIsConditionalOnAnOlderOrMissingVersion() {
        PutItemRequest put = requests.forChange("target", Changes.put(Operation.CREATE, "a", SEQ, 7));

        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#version) OR #version < :version");
        assertThat(put.expressionAttributeNames()).containsOnly(Map.entry("#version", "_v"));
        assertThat(put.expressionAttributeValues()).containsOnly(Map.entry(":version", VERSION));
    }

    @Test
    void deleteReplacesTheItemWithAVersionedTombstone() {
        PutItemRequest tombstone = requests.forChange("target", Changes.delete("a", SEQ));

        assertThat(tombstone.item()).containsOnly(
                Map.entry("pk", AttributeValue.fromS("a")),
                Map.entry("_v", VERSION),
                Map.entry("_deleted", AttributeValue.fromBool(true)));
        assertThat(tombstone.conditionExpression()).isEqualTo(GuardedRequests.CONDITION);
        assertThat(requests.isTombstone(tombstone.item())).isTrue();
    }

    @Test
    void aPutClearsATombstoneFlagCarriedInTheImage() {
        var change = Changes.put(Operation.UPDATE, "a", SEQ, 7);
        var image = new java.util.HashMap<>(change.after());
        image.put("_deleted", AttributeValue.fromBool(true));

        PutItemRequest put = requests.put("target", image, SourcePosition.of(change));

        assertThat(put.item()).doesNotContainKey("_deleted");
        assertThat(requests.isTombstone(put.item())).isFalse();
    }

    @Test
    void refusesAnUpsertWithoutItsNewImage() {
        assertThatThrownBy(() -> requests.forChange("target", Changes.withoutImage(Operation.UPDATE, "a", SEQ)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a new image");
    }

    @Test
    void refusesTheSameNameForVersionAndTombstone() {
        assertThatThrownBy(() -> new GuardedRequests("_v", "_v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tombstonesCarryTheirExpiryAndPutsLeaveAnAttributeOfThatNameAlone() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        GuardedRequests expiring = new GuardedRequests("_v", "_deleted", Optional.of(
                new TombstoneExpiry("ttl", Duration.ofDays(7), clock)));
        Map<String, AttributeValue> image = new HashMap<>(Changes.key("a"));
        image.put("ttl", AttributeValue.fromN("42"));

        assertThat(expiring.forChange("target", Changes.delete("a", SEQ)).item())
                .containsEntry("ttl", AttributeValue.fromN(Long.toString(1767225600L + 7 * 86400)))
                .containsEntry("_deleted", AttributeValue.fromBool(true));
        assertThat(expiring.put("target", image, new SourcePosition("s", SEQ)).item())
                .containsEntry("ttl", AttributeValue.fromN("42"));
    }
}
