package dev.shardbridge.sink;

import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.sink.batch.BatchCollapser;
import dev.shardbridge.sink.client.TargetClients;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.errors.BadRecordException;
import dev.shardbridge.sink.guard.GuardedRequests;
import dev.shardbridge.sink.guard.TombstoneExpiry;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.task.ErrantRecords;
import dev.shardbridge.sink.task.PendingChange;
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
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Replays change events into the target tables.
 *
 * <p><b>Offsets.</b> {@code put} returns only once every change in its records is durable in the
 * target (DynamoDB acknowledges a write after storing it durably), was found already superseded
 * there, or its record is in the DLQ. Connect commits, after a {@code put} returns, the offsets of
 * the records it was given, so a committed offset never passes an unwritten change; the default
 * {@code preCommit} is therefore exact. Writes are still pipelined: within one {@code put} the
 * changes (one per item after collapsing) go out in parallel, up to {@code max.in.flight.requests}.
 * An asynchronous design that lets writes run across {@code put} calls and commits from
 * {@code preCommit} would overlap consumer polls with writes, but needs per-partition bookkeeping
 * of the lowest unfinished offset; Connect hands {@code put} up to {@code consumer.max.poll.records}
 * records, enough to keep the writers busy, so the simpler contract was chosen.
 *
 * <p>A task stopped or failing mid-{@code put} commits nothing of it; the records come again and the
 * guard makes the repeated writes harmless.
 */
public class DynamoDbSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSinkTask.class);
    /** The version attribute's value: a sequence number zero-padded to 40 digits. */
    private static final int VERSION_VALUE_BYTES = 40;

    private TargetClients targetClients;
    private DynamoDbClient client;
    private RecordDecoding decoding;
    private TargetTables tables;
    private ChangeWriter writer;
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
        writer = writer(config, requests, retry);
        errantRecords = new ErrantRecords(toleratesErrors(props) ? reporter() : null);
        reservedBytes = config.versionAttribute().getBytes(StandardCharsets.UTF_8).length + VERSION_VALUE_BYTES;
        LOG.info("Sink task started: guard {}, {} writes in flight, bad records {}", config.guardEnabled()
                        ? config.guardStrategy().configValue() : "OFF",
                config.maxInFlightRequests(), toleratesErrors(props) ? "reported as errant records" : "fail the task");
    }

    private ChangeWriter writer(DynamoDbSinkConfig config, GuardedRequests requests, BoundedRetry retry) {
        if (!config.guardEnabled()) {
            return new UnguardedBatches(client, requests, retry, config.batchSize(), config.maxInFlightRequests());
        }
        return switch (config.guardStrategy()) {
            case CONDITIONAL -> new GuardedPipeline(client, requests, retry, config.maxInFlightRequests());
            case READ_BEFORE_WRITE -> new VersionCheckedBatches(
                    new StoredVersions(client, retry, config.versionAttribute()),
                    new UnguardedBatches(client, requests, retry, config.batchSize(), config.maxInFlightRequests()));
        };
    }

    @Override
    public void put(Collection<SinkRecord> records) {
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
        List<PendingChange> collapsed = BatchCollapser.collapse(changes, PendingChange::event, PendingChange::table);
        writer.write(collapsed).forEach(rejection -> errantRecords.report(rejection.change().record(), rejection.reason()));
        errantRecords.awaitReported();
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
        if (client != null) {
            client.close();
        }
        if (targetClients != null) {
            targetClients.close();
        }
    }
}
