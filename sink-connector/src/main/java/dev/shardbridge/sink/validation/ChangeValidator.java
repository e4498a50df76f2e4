package dev.shardbridge.sink.validation;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.sink.errors.BadRecordException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Rejects changes the sink can never write, before any request is spent on them: a c/u/r without
 * its new image (a KEYS_ONLY or OLD_IMAGE stream; silently skipping it would lose data), an item
 * over DynamoDB's size limit, and keys that do not fit the target table's key schema.
 */
public final class ChangeValidator {

    private final TargetKeySchema target;
    private final int reservedBytes;

    /**
     * @param target        the target table's key schema
     * @param reservedBytes bytes the guard adds to every item (its version attribute), counted
     *                      against the size limit too
     */
    public ChangeValidator(TargetKeySchema target, int reservedBytes) {
        this.target = target;
        this.reservedBytes = reservedBytes;
    }

    /** @throws BadRecordException with the reason if {@code change} cannot be written */
    public void validate(ChangeEvent change) {
        requireKeyFits(change.key());
        if (change.op() == Operation.DELETE) {
            return;
        }
        Map<String, AttributeValue> image = change.after();
        if (image == null) {
            throw new BadRecordException("Change '" + change.op().code() + "' on table " + change.source().table()
                    + " has no new image; the source stream must use NEW_IMAGE or NEW_AND_OLD_IMAGES");
        }
        long size = ItemSize.of(image) + reservedBytes;
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw new BadRecordException("Item of " + size + " bytes exceeds DynamoDB's limit of "
                    + ItemSize.MAX_ITEM_BYTES + " bytes");
        }
        requireKeyFits(image);
    }

    private void requireKeyFits(Map<String, AttributeValue> item) {
        target.types().forEach((name, type) -> {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw new BadRecordException("Missing key attribute '" + name + "' of the target table");
            }
            if (!hasType(value, type)) {
                throw new BadRecordException("Key attribute '" + name + "' is of type " + value.type()
                        + " but the target table declares " + type);
            }
        });
    }

    private static boolean hasType(AttributeValue value, ScalarAttributeType type) {
        return switch (type) {
            case S -> value.s() != null;
            case N -> value.n() != null;
            case B -> value.b() != null;
            case UNKNOWN_TO_SDK_VERSION -> false;
        };
    }
}
