package dev.shardbridge.sink;

import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.sink.batch.BatchCollapser;
import dev.shardbridge.sink.client.TargetClients;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.config.GuardStrategy;
import dev.shardbridge.sink.errors.BadRecordException;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.guard.TombstoneExpiry;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.task.ChangeGroup;
import dev.shardbridge.sink.task.ErrantRecords;
import dev.shardbridge.sink.task.PendingChange;
import dev.shardbridge.sink.task.PipelinedWrites;
import dev.shardbridge.sink.task.RecordDecoding;
import dev.shardbridge.sink.tables.TargetTables;
import dev.shardbridge.sink.validation.ChangeValidator;
import dev.shardbridge.sink.write.ChangeWriter;
import dev.shardbridge.sink.write.GuardedPipeline;
import dev.shardbridge.sink.write.StoredVersions;
import dev.shardbridge.sink.write.UnguardedBatches;
import dev.shardbridge.sink.write.VersionCheckedBatches;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Replays change events into the target tables.
 *
 * <p><b>Offsets.</b> Connect must commit only records whose changes are durable in the target
 * (DynamoDB acknowledges a write once it is stored durably), were found superseded there, or went
 * to the DLQ. With the guard on, writes are pipelined: {@code put} decodes, validates and collapses
 * its records, starts their writes and returns, so the next poll overlaps the writing, and
 * {@link #preCommit} hands Connect, per partition, only the offsets before the first record still
 * being written ({@link PipelinedWrites}). Without the guard, two writes of one item in flight at
 * once could land out of order and nothing would repair it, so {@code put} writes its batch and
 * waits, and the default {@code preCommit} (everything {@code put} was given) is exact.
 *
 * <p>A task stopped or failing with writes outstanding commits none of their records; they are
 * delivered again and the guard makes the repeated writes harmless.
 */
public class DynamoDbSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSinkTask.class);
    /** The version attribute's value: a sequence number zero-padded to 40 digits. */
    private static final int VERSION_VALUE_BYTES = 40;
    /** Items a task may have submitted but not written, per writer thread: enough to keep them busy across a poll. */
    private static final int UNWRITTEN_ITEMS_PER_WRITER = 64;

    private TargetClients targetClients;
    private DynamoDbClient client;
    private RecordDecoding decoding;
    private TargetTables tables;
    private ChangeWriter writer;
    private PipelinedWrites pipelined;
    private ErrantRecords errantRecords;
    private int reservedBytes;
    private final Map<String, ChangeValidator> validators = new ConcurrentHashMap<>();

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        DynamoDbSinkConfig config = new DynamoDbSinkConfig(props);
        targetClients = new TargetClients(config);
        client = targetClients.create();
        BoundedRetry retry = new BoundedRetry(config.retryPolicy());
        Optional<TombstoneExpiry> expiry = config.tombstoneTtlAttribute()
                .map(attribute -> new TombstoneExpiry(attribute, config.tombstoneTtl(), Clock.systemUTC()));
        GuardedRequests requests = new GuardedRequests(config.versionAttribute(), config.tombstoneAttribute(), expiry);
        decoding = new RecordDecoding(config.tableNameFormat());
        tables = new TargetTables(client, retry, config.autoCreateTables(), config.tableKeySchema());
        if (config.guardEnabled() && config.guardStrategy() == GuardStrategy.CONDITIONAL) {
            // Conditional writes are safe in any order, so they may run on across put() calls.
            pipelined = new PipelinedWrites(new GuardedPipeline(client, requests, retry, config.maxInFlightRequests()),
                    config.maxInFlightRequests() * UNWRITTEN_ITEMS_PER_WRITER);
        } else {
            writer = batchWriter(config, requests, retry);
        }
        errantRecords = new ErrantRecords(toleratesErrors(props) ? reporter() : null);
        reservedBytes = config.versionAttribute().getBytes(StandardCharsets.UTF_8).length + VERSION_VALUE_BYTES;
        LOG.info("Sink task started: guard {}, {} writes in flight, bad records {}", config.guardEnabled()
                        ? config.guardStrategy().configValue() : "OFF",
                config.maxInFlightRequests(), toleratesErrors(props) ? "reported as errant records" : "fail the task");
    }

    /**
     * The writers whose batches must land before the next batch reads or writes the same items, so put() waits
     * for them: unconditional batches could otherwise overtake each other, and read-before-write reads versions
     * that a write still in flight is about to change.
     */
    private ChangeWriter batchWriter(DynamoDbSinkConfig config, GuardedRequests requests, BoundedRetry retry) {
        UnguardedBatches batches = new UnguardedBatches(client, requests, retry, config.batchSize(),
                config.maxInFlightRequests());
        return config.guardEnabled()
                ? new VersionCheckedBatches(new StoredVersions(client, retry, config.versionAttribute(), config.maxInFlightRequests()), batches)
                : batches;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (pipelined != null) {
            pipelined.settle(errantRecords);
        }
        List<PendingChange> changes = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                decoding.decode(record).ifPresent(change -> {
                    validator(change).validate(change.event());
                    changes.add(change);
                });
            } catch (BadRecordException e) {
                errantRecords.report(record, e.getMessage());
            }
        }
        errantRecords.awaitReported();
        if (pipelined != null) {
            pipelined.submit(ChangeGroup.of(changes));
        } else {
            List<PendingChange> collapsed = BatchCollapser.collapse(changes, PendingChange::event, PendingChange::table);
            writer.write(collapsed).forEach(rejection -> errantRecords.report(rejection.change().record(), rejection.reason()));
            errantRecords.awaitReported();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (pipelined == null) {
            return super.preCommit(currentOffsets);
        }
        pipelined.settle(errantRecords);
        return pipelined.committable(currentOffsets);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (pipelined != null) {
            pipelined.forget(partitions);
        }
    }

    private ChangeValidator validator(PendingChange change) {
        ChangeValidator validator = validators.get(change.table());
        if (validator == null) {
            validator = new ChangeValidator(tables.keySchema(change.table(), change.event()), reservedBytes);
            validators.put(change.table(), validator);
        }
        return validator;
    }

    /** Connect's errors.tolerance, which the connector passes on to its tasks with the rest of its config. */
    private static boolean toleratesErrors(Map<String, String> props) {
        return "all".equalsIgnoreCase(props.getOrDefault("errors.tolerance", "none").trim());
    }

    private ErrantRecordReporter reporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError olderWorker) {
            // Workers before Kafka 2.6 have no reporter; bad records then fail the task.
            return null;
        }
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
        }
        if (pipelined != null) {
            pipelined.close();
        }
        if (client != null) {
            client.close();
        }
        if (targetClients != null) {
            targetClients.close();
        }
    }
}
