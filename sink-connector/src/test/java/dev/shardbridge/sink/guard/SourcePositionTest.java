package dev.shardbridge.sink.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.Changes;
import org.junit.jupiter.api.Test;

class SourcePositionTest {

    @Test
    void comparesSequenceNumbersNumericallyNotAsText() {
        SourcePosition shorter = new SourcePosition("s", "999999999999999999999");
        SourcePosition longer = new SourcePosition("s", "1000000000000000000000");

        assertThat(longer.isAfter(shorter)).isTrue();
        assertThat("1000000000000000000000".compareTo("999999999999999999999")).isNegative();
    }

    @Test
    void versionValueSortsAsTextInNumericOrder() {
        String shorter = new SourcePosition("s", "999999999999999999999").versionValue();
        String longer = new SourcePosition("s", "1000000000000000000000").versionValue();

        assertThat(shorter).hasSize(40);
        assertThat(longer.compareTo(shorter)).isPositive();
    }

    @Test
    void leadingZerosDoNotChangeThePosition() {
        assertThat(new SourcePosition("a", "00042")).isEqualByComparingTo(new SourcePosition("b", "42"));
        assertThat(new SourcePosition("a", "0000").sequenceNumber()).isEqualTo("0");
    }

    @Test
    void ignoresTheShardWhenOrdering() {
        assertThat(new SourcePosition("shardId-2", "5").isAfter(new SourcePosition("shardId-9", "4"))).isTrue();
    }

    @Test
    void rejectsNonNumericAndOverlongSequenceNumbers() {
        assertThatThrownBy(() -> new SourcePosition("s", "12a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> new SourcePosition("s", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourcePosition("s", "1".repeat(41))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 40 digits");
    }

    @Test
    void snapshotReadsRankBelowEveryStreamChange() {
        SourcePosition snapshot = SourcePosition.of(Changes.put(Operation.READ, "a", null, 1));

        assertThat(snapshot).isEqualTo(SourcePosition.SNAPSHOT);
        assertThat(new SourcePosition("s", "1").isAfter(snapshot)).isTrue();
    }
}
