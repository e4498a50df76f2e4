package dev.shardbridge.emulator.expression.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {

    @Test
    void theWholePublishedListIsLoaded() {
        assertThat(ReservedWords.count()).isEqualTo(573);
    }

    @Test
    void lookupIsCaseInsensitive() {
        assertThat(ReservedWords.isReserved("name")).isTrue();
        assertThat(ReservedWords.isReserved("STATUS")).isTrue();
        assertThat(ReservedWords.isReserved("Abort")).isTrue();
        assertThat(ReservedWords.isReserved("zone")).isTrue();
        assertThat(ReservedWords.isReserved("size")).isTrue();
    }

    @Test
    void ordinaryNamesAreNotReserved() {
        assertThat(ReservedWords.isReserved("remove")).isFalse();
        assertThat(ReservedWords.isReserved("attribute_exists")).isFalse();
        assertThat(ReservedWords.isReserved("names1")).isFalse();
        assertThat(ReservedWords.isReserved("pk")).isFalse();
    }
}
