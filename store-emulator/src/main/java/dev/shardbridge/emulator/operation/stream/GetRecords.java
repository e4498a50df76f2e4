package dev.shardbridge.emulator.operation.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.error.ErrorType;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.stream.Shard;
import dev.shardbridge.emulator.stream.ShardIterator;
import dev.shardbridge.emulator.stream.ShardPage;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.StreamRecord;
import dev.shardbridge.emulator.stream.StreamSettings;
import dev.shardbridge.emulator.stream.TableStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * GetRecords: at most {@code Limit} (1..1000) records and 1 MB from the iterator's position. The next
 * iterator is absent once a closed shard is drained. Enforces iterator expiry, retention and the
 * readers-per-shard limit.
 */
public final class GetRecords implements Operation {
    public static final int MAX_RECORDS = 1000;
    public static final int MAX_BYTES = 1024 * 1024;
    /** How AWS writes times in the expired-iterator message: {@code java.util.Date}'s format, in UTC. */
    private static final DateTimeFormatter AWS_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US).withZone(ZoneId.of("UTC"));

    private final StreamCatalog catalog;

    public GetRecords(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "GetRecords";
    }

    @Override
    public ObjectNode execute(Request request) {
        String iteratorText = request.string("ShardIterator");
        Integer limitParameter = request.integer("Limit");
        new ConstraintViolations().notNull(iteratorText, "shardIterator")
                .range(limitParameter, "limit", 1, Integer.MAX_VALUE).throwIfAny();
        // The model only bounds Limit below; the service refuses a larger page with its own message.
        if (limitParameter != null && limitParameter > MAX_RECORDS) {
            throw DynamoDbException.invalidParameter("Limit should be less than or equal to " + MAX_RECORDS);
        }
        ShardIterator iterator = ShardIterator.decode(iteratorText);
        StreamSettings settings = catalog.settings();
        long now = catalog.clock().millis();
        long lifetime = settings.iteratorLifetime().toMillis();
        if (now - iterator.issuedAtMillis() > lifetime) {
            throw new DynamoDbException(ErrorType.EXPIRED_ITERATOR, "Iterator expired. The iterator was created at "
                    + "time " + AWS_TIME.format(Instant.ofEpochMilli(iterator.issuedAtMillis())) + " while right now it is "
                    + AWS_TIME.format(Instant.ofEpochMilli(now)) + " which is further in the future than the "
                    + "tolerated delay of " + lifetime + " milliseconds.");
        }
        catalog.maintain();
        TableStream stream = StreamLookup.stream(catalog, iterator.streamArn());
        Shard shard = StreamLookup.shard(stream, iterator.shardId());
        if (iterator.position() < 0 || iterator.position() > shard.end()) {
            throw DynamoDbException.validation("Invalid ShardIterator");
        }
        if (!shard.tryRead(iterator.readerId(), now, settings.readerWindow().toMillis(),
                settings.maxReadersPerShard())) {
            throw new DynamoDbException(ErrorType.LIMIT_EXCEEDED, "Too many readers of shard " + shard.id()
                    + ": at most " + settings.maxReadersPerShard() + " may read a shard at the same time");
        }
        if (iterator.position() < shard.trimHorizon()) {
            throw new DynamoDbException(ErrorType.TRIMMED_DATA_ACCESS, "The operation attempted to read past "
                    + "the oldest stream record in a shard.");
        }

        ShardPage page = shard.read(iterator.position(),
                limitParameter == null ? MAX_RECORDS : limitParameter, MAX_BYTES);
        ObjectNode response = Json.object();
        ArrayNode records = response.putArray("Records");
        for (StreamRecord record : page.records()) {
            records.addRawValue(new RawValue(record.toJson()));
        }
        if (!page.drained()) {
            response.put("NextShardIterator", iterator.next(page.nextPosition(), now).encode());
        }
        return response;
    }
}
