package dev.shardbridge.emulator;

import dev.shardbridge.emulator.operation.OperationRegistry;
import dev.shardbridge.emulator.operation.item.BatchGetItem;
import dev.shardbridge.emulator.operation.item.BatchWriteItem;
import dev.shardbridge.emulator.operation.item.DeleteItem;
import dev.shardbridge.emulator.operation.item.GetItem;
import dev.shardbridge.emulator.operation.item.PutItem;
import dev.shardbridge.emulator.operation.item.UpdateItem;
import dev.shardbridge.emulator.operation.read.Query;
import dev.shardbridge.emulator.operation.read.Scan;
import dev.shardbridge.emulator.operation.table.CreateTable;
import dev.shardbridge.emulator.operation.table.DeleteTable;
import dev.shardbridge.emulator.operation.table.DescribeTable;
import dev.shardbridge.emulator.operation.table.ListTables;
import dev.shardbridge.emulator.operation.table.UpdateTable;
import dev.shardbridge.emulator.operation.stream.DescribeStream;
import dev.shardbridge.emulator.operation.stream.GetRecords;
import dev.shardbridge.emulator.operation.stream.GetShardIterator;
import dev.shardbridge.emulator.operation.stream.ListStreams;
import dev.shardbridge.emulator.stream.StreamCatalog;
import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.table.TableCatalog;
import java.time.Clock;

/** Wires every supported operation, of DynamoDB and of DynamoDB Streams, into one registry. */
final class Operations {

    private Operations() {
    }

    static OperationRegistry all(TableCatalog catalog, StreamCatalog streams, ServiceIdentity identity,
                                 Clock clock) {
        String dynamo = OperationRegistry.DYNAMODB_PREFIX;
        String dynamoStreams = OperationRegistry.STREAMS_PREFIX;
        return new OperationRegistry()
                .register(dynamo, new CreateTable(catalog, identity, clock))
                .register(dynamo, new DescribeTable(catalog))
                .register(dynamo, new UpdateTable(catalog, clock))
                .register(dynamo, new DeleteTable(catalog))
                .register(dynamo, new ListTables(catalog))
                .register(dynamo, new PutItem(catalog))
                .register(dynamo, new GetItem(catalog))
                .register(dynamo, new UpdateItem(catalog))
                .register(dynamo, new DeleteItem(catalog))
                .register(dynamo, new BatchWriteItem(catalog))
                .register(dynamo, new BatchGetItem(catalog))
                .register(dynamo, new Query(catalog))
                .register(dynamo, new Scan(catalog))
                .register(dynamoStreams, new ListStreams(streams))
                .register(dynamoStreams, new DescribeStream(streams))
                .register(dynamoStreams, new GetShardIterator(streams))
                .register(dynamoStreams, new GetRecords(streams));
    }
}
