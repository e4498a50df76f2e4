package dev.shardbridge.emulator.streams;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a stream as a careful consumer does: every shard, parents before children, to its end. */
final class StreamReader {
    private final DynamoDbStreamsClient client;

    StreamReader(DynamoDbStreamsClient client) {
        this.client = client;
    }

    /** Every shard of the stream, over all DescribeStream pages, in the order the pages list them. */
    List<Shard> shards(String streamArn) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            StreamDescription page = client.describeStream(b -> b.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(page.shards());
            start = page.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    /** Every record of the stream: shards in listed order, which puts parents before their children. */
    List<Record> readAll(String streamArn) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : shards(streamArn)) {
            records.addAll(readShard(streamArn, shard.shardId()));
        }
        return records;
    }

    /** A shard from its trim horizon until a closed shard is drained or an open one has nothing more. */
    List<Record> readShard(String streamArn, String shardId) {
        return drain(iterator(streamArn, shardId, ShardIteratorType.TRIM_HORIZON, null));
    }

    String iterator(String streamArn, String shardId, ShardIteratorType type, String sequenceNumber) {
        return client.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** Follows an iterator until the answer has no next iterator or no records. */
    List<Record> drain(String iterator) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        while (next != null) {
            String current = next;
            GetRecordsResponse page = client.getRecords(b -> b.shardIterator(current));
            records.addAll(page.records());
            next = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return records;
    }
}
