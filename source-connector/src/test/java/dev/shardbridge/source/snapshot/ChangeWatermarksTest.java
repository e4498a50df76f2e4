package dev.shardbridge.source.snapshot;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeWatermarksTest {

    private final ChangeWatermarks watermarks = new ChangeWatermarks();

    @Test
    void aKeyCountsAsChangedOnlyForChangesAfterThePagesWatermark() {
        watermarks.changed(key("a"));
        long page = watermarks.open();
        watermarks.changed(key("b"));

        assertThat(watermarks.changedAfter(key("a"), page)).as("changed before the page was requested").isFalse();
        assertThat(watermarks.changedAfter(key("b"), page)).isTrue();
        assertThat(watermarks.changedAfter(key("c"), page)).isFalse();
    }

    @Test
    void changesAreForgottenOnceNoOpenPageCanAskAboutThem() {
        long first = watermarks.open();
        watermarks.changed(key("a"));
        long second = watermarks.open();
        watermarks.changed(key("b"));

        watermarks.close(first);
        assertThat(watermarks.changedAfter(key("b"), second)).as("still needed by the second page").isTrue();
        assertThat(watermarks.remembered()).as("'a' is older than every open page").isEqualTo(1);

        watermarks.close(second);
        assertThat(watermarks.remembered()).isZero();
        long third = watermarks.open();
        watermarks.changed(key("a"));
        assertThat(watermarks.changedAfter(key("a"), third)).isTrue();
    }

    @Test
    void aCancelledPageNoLongerHoldsChanges() {
        long failed = watermarks.open();
        watermarks.changed(key("a"));
        watermarks.cancel(failed);
        long page = watermarks.open();

        watermarks.close(page);
        assertThat(watermarks.remembered()).isZero();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
