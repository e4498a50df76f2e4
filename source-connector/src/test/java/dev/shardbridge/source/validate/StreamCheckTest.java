package dev.shardbridge.source.validate;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCheckTest {

    @Test
    void streamsWithImagesAreFine() {
        assertThat(StreamCheck.problem(table(true, StreamViewType.NEW_AND_OLD_IMAGES))).isEmpty();
        assertThat(StreamCheck.problem(table(true, StreamViewType.NEW_IMAGE))).isEmpty();
    }

    @Test
    void aDisabledOrAbsentStreamIsAProblem() {
        assertThat(StreamCheck.problem(table(false, null))).get().asString().contains("has no stream enabled");
        assertThat(StreamCheck.problem(TableDescription.builder().tableName("orders").build())).get().asString()
                .contains("has no stream enabled");
    }

    @Test
    void aSnapshotAlsoNeedsNewImages() {
        assertThat(StreamCheck.problem(table(true, StreamViewType.OLD_IMAGE), true)).get().asString()
                .contains("OLD_IMAGE, which carries no new images");
        assertThat(StreamCheck.problem(table(true, StreamViewType.NEW_IMAGE), true)).isEmpty();
    }

    @Test
    void keysOnlyIsAProblem() {
        assertThat(StreamCheck.problem(table(true, StreamViewType.KEYS_ONLY))).get().asString()
                .contains("KEYS_ONLY, which carries no item images");
    }

    private static TableDescription table(boolean enabled, StreamViewType viewType) {
        return TableDescription.builder().tableName("orders")
                .streamSpecification(StreamSpecification.builder().streamEnabled(enabled).streamViewType(viewType)
                        .build())
                .build();
    }
}
