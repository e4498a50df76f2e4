package dev.shardbridge.emulator.operation.stream;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.stream.Shard;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.stream.TableStream;

/** Finds streams and shards by the identifiers clients send, with AWS's not-found answers. */
final class StreamLookup {

    private StreamLookup() {
    }

    static TableStream stream(StreamCatalog catalog, String arn) {
        TableStream stream = catalog.registry().stream(arn);
        if (stream == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    static Shard shard(TableStream stream, String shardId) {
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        return shard;
    }
}
