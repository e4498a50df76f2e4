package dev.shardbridge.emulator.durability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Everything the Streams API serves, read through the SDK: every stream's description (all shard
 * pages) and every shard's records from its trim horizon, in shard order (parents before children).
 */
record StreamDump(Map<String, StreamDescription> descriptions, Map<String, List<Record>> recordsByShard) {

    static StreamDump read(DynamoDbStreamsClient streams) {
        Map<String, StreamDescription> descriptions = new LinkedHashMap<>();
        Map<String, List<Record>> records = new LinkedHashMap<>();
        String lastArn = null;
        do {
            var page = streams.listStreams(b -> b.exclusiveStartStreamArn(lastArnOrNull(descriptions)));
            page.streams().forEach(stream -> {
                StreamDescription description = describe(streams, stream.streamArn());
                descriptions.put(stream.streamArn(), description);
                for (Shard shard : description.shards()) {
                    records.put(stream.streamArn() + " " + shard.shardId(),
                            readShard(streams, stream.streamArn(), shard.shardId()));
                }
            });
            lastArn = page.lastEvaluatedStreamArn();
        } while (lastArn != null);
        return new StreamDump(descriptions, records);
    }

    /** Every record of a stream's shards in lineage order, each list in sequence order. */
    List<Record> recordsOf(String streamArn) {
        List<Record> all = new ArrayList<>();
        recordsByShard.forEach((key, shardRecords) -> {
            if (key.startsWith(streamArn + " ")) {
                all.addAll(shardRecords);
            }
        });
        return all;
    }

    private static String lastArnOrNull(Map<String, StreamDescription> seen) {
        String last = null;
        for (String arn : seen.keySet()) {
            last = arn;
        }
        return last;
    }

    static StreamDescription describe(DynamoDbStreamsClient streams, String arn) {
        StreamDescription first = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        List<Shard> shards = new ArrayList<>(first.shards());
        String last = first.lastEvaluatedShardId();
        while (last != null) {
            String start = last;
            StreamDescription page = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start))
                    .streamDescription();
            shards.addAll(page.shards());
            last = page.lastEvaluatedShardId();
        }
        return first.toBuilder().shards(shards).lastEvaluatedShardId(null).build();
    }

    /** A shard's records from its trim horizon until a page comes back empty (open) or the shard ends. */
    static List<Record> readShard(DynamoDbStreamsClient streams, String arn, String shardId) {
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
            records.addAll(page.records());
            iterator = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return records;
    }
}
