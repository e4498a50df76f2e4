package dev.shardbridge.source.validate;

import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Optional;

/**
 * Whether a table's stream can feed the connector: it must be enabled, and carry item images, because change
 * events without them hold only keys and the sink connector cannot replay them.
 */
final class StreamCheck {

    private static final String ENABLE = "StreamEnabled=true,StreamViewType=" + StreamViewType.NEW_AND_OLD_IMAGES;

    private StreamCheck() {
    }

    static Optional<String> problem(TableDescription table) {
        return problem(table, false);
    }

    /** @param snapshot whether the table is snapshotted, which also needs new images in its stream */
    static Optional<String> problem(TableDescription table, boolean snapshot) {
        String name = table.tableName();
        StreamSpecification stream = table.streamSpecification();
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled())) {
            return Optional.of("Table '" + name + "' has no stream enabled. Enable one with NEW_AND_OLD_IMAGES"
                    + " (or NEW_IMAGE), for example: aws dynamodb update-table --table-name " + name
                    + " --stream-specification " + ENABLE);
        }
        if (stream.streamViewType() == StreamViewType.KEYS_ONLY) {
            // A stream's view type cannot be changed in place; AWS requires disabling and re-enabling it.
            return Optional.of("Table '" + name + "' streams KEYS_ONLY, which carries no item images: change"
                    + " events would hold keys only and the sink connector needs NEW_IMAGE or NEW_AND_OLD_IMAGES."
                    + " The view type cannot be changed in place: disable the stream (update-table"
                    + " --stream-specification StreamEnabled=false), then enable it again with " + ENABLE
                    + ". The new stream starts empty.");
        }
        if (snapshot && stream.streamViewType() == StreamViewType.OLD_IMAGE) {
            return Optional.of("Table '" + name + "' streams OLD_IMAGE, which carries no new images: a snapshot"
                    + " hands each changed item over to its stream changes, and those must hold the item's new state."
                    + " Disable the stream, then enable it again with " + ENABLE + ".");
        }
        return Optional.empty();
    }
}
