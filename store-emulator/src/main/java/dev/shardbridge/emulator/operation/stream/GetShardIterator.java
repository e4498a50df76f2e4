package dev.shardbridge.emulator.operation.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.stream.SequenceNumbers;
import dev.shardbridge.emulator.stream.Shard;
import dev.shardbridge.emulator.stream.ShardIterator;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.TableStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GetShardIterator: TRIM_HORIZON (the oldest readable record), LATEST (just after the newest),
 * AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER. Each call starts a new reader chain.
 */
public final class GetShardIterator implements Operation {
    private static final List<String> TYPES =
            List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

    private final StreamCatalog catalog;

    public GetShardIterator(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "GetShardIterator";
    }

    @Override
    public ObjectNode execute(Request request) {
        String arn = request.string("StreamArn");
        String shardId = request.string("ShardId");
        String type = request.string("ShardIteratorType");
        String sequenceText = request.string("SequenceNumber");
        ConstraintViolations violations = new ConstraintViolations().notNull(arn, "streamArn")
                .notNull(shardId, "shardId").notNull(type, "shardIteratorType")
                .oneOf(type, "shardIteratorType", TYPES);
        // AWS's model bounds a sequence number's length (21..40), so these fail before any lookup.
        if (sequenceText != null && sequenceText.length() < 21) {
            violations.add(sequenceText, "sequenceNumber", "Member must have length greater than or equal to 21");
        }
        if (sequenceText != null && sequenceText.length() > 40) {
            violations.add(sequenceText, "sequenceNumber", "Member must have length less than or equal to 40");
        }
        violations.throwIfAny();
        boolean bySequence = type.endsWith("_SEQUENCE_NUMBER");
        if (bySequence && sequenceText == null) {
            throw DynamoDbException.invalidParameter("Invalid SequenceNumber");
        }
        if (!bySequence && sequenceText != null) {
            throw DynamoDbException.invalidParameter("SequenceNumber should not be passed for this iterator type");
        }
        catalog.maintain();
        TableStream stream = StreamLookup.stream(catalog, arn);
        Shard shard = StreamLookup.shard(stream, shardId);

        long position = switch (type) {
            case "TRIM_HORIZON" -> shard.trimHorizon();
            case "LATEST" -> shard.end();
            default -> positionOf(shard, type, sequenceText);
        };
        ShardIterator iterator = new ShardIterator(arn, shardId, position, catalog.clock().millis(),
                ThreadLocalRandom.current().nextLong());
        return Json.object().put("ShardIterator", iterator.encode());
    }

    private static long positionOf(Shard shard, String type, String sequenceText) {
        if (!sequenceText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DynamoDbException.validation("Invalid SequenceNumber: " + sequenceText);
        }
        long sequence;
        try {
            sequence = SequenceNumbers.parse(sequenceText);
        } catch (NumberFormatException e) {
            // A number in a format this emulator never issues lies outside every shard's range.
            sequence = -1;
        }
        long ending = shard.endingSequence();
        if (sequence < shard.startingSequence() || (ending >= 0 && sequence > ending)) {
            throw DynamoDbException.validation("Invalid SequenceNumber for ShardIteratorType " + type
                    + ": SequenceNumber " + sequenceText + " is not in the range of shard " + shard.id());
        }
        boolean after = type.equals("AFTER_SEQUENCE_NUMBER");
        // Records up to lastTrimmedSequence are gone: starting at or before one of them would skip data.
        long lastTrimmed = shard.lastTrimmedSequence();
        if (lastTrimmed >= 0 && (after ? sequence < lastTrimmed : sequence <= lastTrimmed)) {
            throw new DynamoDbException(ErrorType.TRIMMED_DATA_ACCESS, "The operation attempted to read past "
                    + "the oldest stream record in a shard.");
        }
        return shard.positionOf(after ? sequence + 1 : sequence);
    }
}
