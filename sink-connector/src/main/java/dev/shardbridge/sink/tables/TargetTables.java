package dev.shardbridge.sink.tables;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.sink.config.KeySchemaSpec;
import dev.shardbridge.sink.retry.BoundedRetry;
import dev.shardbridge.sink.validation.TargetKeySchema;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key schemas of the target tables, looked up once per table and task, and the creation of
 * missing tables when the connector is allowed to. A missing table without auto-creation is a
 * configuration problem, not a bad record: every record for it would fail, so the task stops.
 */
public final class TargetTables {

    private static final Logger LOG = LoggerFactory.getLogger(TargetTables.class);

    private final DynamoDbClient client;
    private final BoundedRetry retry;
    private final boolean autoCreate;
    private final Optional<KeySchemaSpec> declaredKeySchema;
    private final TableCreation creation;
    private final Map<String, TargetKeySchema> known = new ConcurrentHashMap<>();

    public TargetTables(DynamoDbClient client, BoundedRetry retry, boolean autoCreate,
                        Optional<KeySchemaSpec> declaredKeySchema) {
        this.client = Objects.requireNonNull(client, "client");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.autoCreate = autoCreate;
        this.declaredKeySchema = Objects.requireNonNull(declaredKeySchema, "declaredKeySchema");
        this.creation = new TableCreation(client, retry);
    }

    /**
     * The key schema of {@code table}, creating the table first if it is missing and auto-creation
     * is on.
     *
     * @param example a change bound for the table, whose key shows the schema a new table needs
     * @throws ConnectException if the table is missing and cannot be created
     */
    public TargetKeySchema keySchema(String table, ChangeEvent example) {
        TargetKeySchema schema = known.get(table);
        if (schema != null) {
            return schema;
        }
        schema = TargetKeySchema.of(describeOrCreate(table, example));
        known.put(table, schema);
        return schema;
    }

    private TableDescription describeOrCreate(String table, ChangeEvent example) {
        Optional<TableDescription> existing = describe(table);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!autoCreate) {
            throw new ConnectException("Target table " + table + " does not exist and table.auto.create is false;"
                    + " create it or set table.auto.create=true");
        }
        KeySchemaSpec keySchema = declaredKeySchema.orElseGet(() -> KeySchemas.fromKey(table, example.key()));
        LOG.info("Creating target table {} with key schema {}", table, keySchema);
        return creation.create(table, keySchema);
    }

    private Optional<TableDescription> describe(String table) {
        try {
            return Optional.ofNullable(retry.run(() -> client.describeTable(b -> b.tableName(table)).table()));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw new ConnectException("Cannot describe target table " + table + ": " + e.getMessage(), e);
        }
    }
}
