package dev.shardbridge.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultRuleTest {

    @Test
    void aNewRuleHitsEveryRequestOfAnyOperationAndTableWithoutLimit() {
        FaultRule rule = FaultRule.of(FaultKind.THROTTLING);

        assertThat(rule).isEqualTo(new FaultRule(FaultKind.THROTTLING, null, null, null, 1.0, 0, Duration.ZERO, null));
    }

    @Test
    void unprocessedItemsIsScopedToBatchWriteItem() {
        assertThat(FaultRule.of(FaultKind.UNPROCESSED_ITEMS).operation()).isEqualTo("BatchWriteItem");
        assertThatThrownBy(() -> FaultRule.of(FaultKind.UNPROCESSED_ITEMS).onOperation("PutItem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UNPROCESSED_ITEMS applies to BatchWriteItem only, not PutItem");
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> FaultRule.of(FaultKind.THROTTLING).withRate(1.5))
                .hasMessage("rate must be 0..1, was 1.5");
        assertThatThrownBy(() -> FaultRule.of(FaultKind.THROTTLING).withRate(Double.NaN))
                .hasMessage("rate must be 0..1, was NaN");
    }

    @Test
    void refusesAnUnknownOperationSoATypoCannotMatchNothingSilently() {
        assertThatThrownBy(() -> FaultRule.of(FaultKind.THROTTLING).onOperation("PutItems"))
                .hasMessageStartingWith("unknown operation 'PutItems'; known: [BatchGetItem, BatchWriteItem,");
    }

    @Test
    void refusesAShardOnAnOperationThatNamesNoShard() {
        assertThatThrownBy(() -> FaultRule.of(FaultKind.THROTTLING).onOperation("PutItem").onShard("shardId-1"))
                .hasMessage("shard applies to [GetRecords, GetShardIterator] only, not PutItem");
    }

    @Test
    void latencyBelongsToLatencyRulesOnlyAndMustBePositive() {
        assertThatThrownBy(() -> new FaultRule(FaultKind.THROTTLING, null, null, null, 1, 0, Duration.ofMillis(5), null))
                .hasMessage("latency applies to LATENCY rules only, not THROTTLING");
        assertThatThrownBy(() -> FaultRule.of(FaultKind.LATENCY))
                .hasMessage("latency must be more than 0 ms and at most 60000 ms, was 0 ms");
        assertThat(FaultRule.latencyOf(Duration.ofMillis(50)).latency()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rulesOverTheSameRequestsDrawWithDifferentSeedsUnlessOneIsGiven() {
        FaultRule throttle = FaultRule.of(FaultKind.THROTTLING).onOperation("BatchWriteItem");
        FaultRule serverError = FaultRule.of(FaultKind.INTERNAL_SERVER_ERROR).onOperation("BatchWriteItem");

        assertThat(throttle.effectiveSeed()).isNotEqualTo(serverError.effectiveSeed());
        assertThat(throttle.effectiveSeed()).isEqualTo(FaultRule.of(FaultKind.THROTTLING)
                .onOperation("BatchWriteItem").effectiveSeed());
        assertThat(throttle.withSeed(7).effectiveSeed()).isEqualTo(7);
    }
}
