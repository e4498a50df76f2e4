package dev.shardbridge.sink.config;

import dev.shardbridge.common.aws.AwsAccess;
import dev.shardbridge.common.aws.AwsAccessConfig;
import dev.shardbridge.common.config.ChoiceValidator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The sink connector's configuration: where to write, how to guard writes, and how hard to push. */
public class DynamoDbSinkConfig extends AbstractConfig {

    private static final String TARGET_GROUP = "Target";
    private static final String WRITES_GROUP = "Writes";

    public static final String ROLE_SESSION_NAME_DEFAULT = "shardbridge-sink";

    public static final String TABLE_NAME_FORMAT_CONFIG = "table.name.format";
    private static final String TABLE_NAME_FORMAT_DOC = "Target table name; ${table} is the source table named in "
            + "each change event, ${topic} the record's topic.";
    public static final String TABLE_NAME_FORMAT_DEFAULT = "${table}";
    public static final String TABLE_AUTO_CREATE_CONFIG = "table.auto.create";
    private static final String TABLE_AUTO_CREATE_DOC = "Create a missing target table (on-demand capacity) with "
            + "the key schema of the change events' keys.";
    public static final String VERSION_ATTRIBUTE_CONFIG = "version.attribute.name";
    private static final String VERSION_ATTRIBUTE_DOC = "Hidden attribute on every replicated item holding the source "
            + "position (the stream sequence number, zero-padded to 40 digits) of the change that wrote it. Writes are "
            + "conditional on it, so stale or replayed changes never overwrite newer ones. Must not be used by the data.";
    public static final String VERSION_ATTRIBUTE_DEFAULT = "_shardbridge_pos";
    public static final String TOMBSTONE_ATTRIBUTE_CONFIG = "tombstone.attribute.name";
    private static final String TOMBSTONE_ATTRIBUTE_DOC = "Attribute marking a deleted item: a delete leaves the key, "
            + "the version and this flag (BOOL true), so a late put cannot resurrect the item. Readers of the target "
            + "table treat items carrying it as absent.";
    public static final String TOMBSTONE_ATTRIBUTE_DEFAULT = "_shardbridge_deleted";
    public static final String TOMBSTONE_TTL_ATTRIBUTE_CONFIG = "tombstone.ttl.attribute";
    private static final String TOMBSTONE_TTL_ATTRIBUTE_DOC = "Attribute to stamp on tombstones with their expiry "
            + "time (epoch seconds, type N), so that DynamoDB TTL on this attribute purges old tombstones. Empty: "
            + "tombstones are kept forever. Enable TTL on the target table for the same attribute. A tombstone must "
            + "outlive every possible redelivery of the changes before its delete (the topic's retention), or a "
            + "late put could resurrect the item once the tombstone is gone.";
    public static final String TOMBSTONE_TTL_MS_CONFIG = "tombstone.ttl.ms";
    private static final String TOMBSTONE_TTL_MS_DOC = "How long after it is written a tombstone expires, when "
            + TOMBSTONE_TTL_ATTRIBUTE_CONFIG + " is set.";
    public static final long TOMBSTONE_TTL_MS_DEFAULT = Duration.ofDays(7).toMillis();
    public static final String TABLE_KEY_SCHEMA_CONFIG = "table.key.schema";
    private static final String TABLE_KEY_SCHEMA_DOC = "The key schema of the source table, as "
            + "name:type pairs, partition key first (e.g. 'pk:S' or 'customer:S,order:N'). Optional. Change events "
            + "carry key attributes in name order, so with a composite key the sink cannot tell the partition key "
            + "from the sort key: " + TABLE_AUTO_CREATE_CONFIG + " needs this setting for such tables. When set, "
            + "validation also checks that existing target tables have this key schema.";
    public static final String GUARD_ENABLED_CONFIG = "guard.enabled";
    private static final String GUARD_ENABLED_DOC = "Make every write conditional on the item's stored source "
            + "position (the convergence guard). Unsafe to turn off except for benchmarks and one-shot loads into "
            + "an empty table: without the guard, writes go out as unconditional BatchWriteItem requests, and a "
            + "redelivered or reordered change can overwrite a newer one or resurrect a deleted item.";
    public static final String GUARD_STRATEGY_CONFIG = "guard.strategy";
    public static final String GUARD_STRATEGY_DEFAULT = GuardStrategy.CONDITIONAL.configValue();
    private static final String GUARD_STRATEGY_DOC = "How the guard is enforced. 'conditional': every change is a"
            + " PutItem conditioned on the stored version, one request per item, safe whoever else writes the"
            + " table. 'read-before-write': the stored versions of a batch are read (BatchGetItem, 100 keys per"
            + " request) and only newer changes are written, without conditions, 25 per BatchWriteItem: about 5"
            + " requests per 100 changes. Safe only while this connector's tasks are the only writers of the target"
            + " items and each item's changes arrive on one topic partition (true for the source connector's topics);"
            + " another writer's newer item could be overwritten by an older change.";

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Most items per BatchWriteItem request (DynamoDB allows 25). "
            + "Used when guard.enabled=false; guarded writes are conditional and go out one item per PutItem.";
    public static final int BATCH_SIZE_DEFAULT = 25;
    public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.requests";
    private static final String MAX_IN_FLIGHT_DOC = "Most concurrent write requests per task: the changes of "
            + "one put (one per item after collapsing) are written in parallel by this many threads, each retrying "
            + "its own item, so a throttled item does not hold up the others.";
    public static final int MAX_IN_FLIGHT_DEFAULT = 16;
    public static final String RETRY_MAX_ATTEMPTS_CONFIG = "retry.max.attempts";
    private static final String RETRY_MAX_ATTEMPTS_DOC = "Most attempts for a retriable write (throttling, 5xx, "
            + "unprocessed items) before the task fails.";
    public static final int RETRY_MAX_ATTEMPTS_DEFAULT = 10;
    public static final String RETRY_BACKOFF_MIN_CONFIG = "retry.backoff.min.ms";
    private static final String RETRY_BACKOFF_MIN_DOC = "First backoff between retries; it doubles per retry.";
    public static final long RETRY_BACKOFF_MIN_DEFAULT = 50;
    public static final String RETRY_BACKOFF_MAX_CONFIG = "retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_DOC = "Longest backoff between retries.";
    public static final long RETRY_BACKOFF_MAX_DEFAULT = 10_000;

    public static final ConfigDef CONFIG_DEF = configDef();

    public DynamoDbSinkConfig(Map<String, ?> originals) {
        super(CONFIG_DEF, originals);
        checkCombinations();
    }

    private static ConfigDef configDef() {
        int t = 0;
        int w = 0;
        return AwsAccessConfig.define(new ConfigDef(), ROLE_SESSION_NAME_DEFAULT)
                .define(TABLE_NAME_FORMAT_CONFIG, Type.STRING, TABLE_NAME_FORMAT_DEFAULT, new TableNameFormatValidator(),
                        Importance.HIGH, TABLE_NAME_FORMAT_DOC, TARGET_GROUP, ++t, Width.MEDIUM, "Table name format")
                .define(TABLE_AUTO_CREATE_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM, TABLE_AUTO_CREATE_DOC,
                        TARGET_GROUP, ++t, Width.SHORT, "Create missing tables")
                .define(VERSION_ATTRIBUTE_CONFIG, Type.STRING, VERSION_ATTRIBUTE_DEFAULT, new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM, VERSION_ATTRIBUTE_DOC, TARGET_GROUP, ++t, Width.MEDIUM, "Version attribute")
                .define(TOMBSTONE_ATTRIBUTE_CONFIG, Type.STRING, TOMBSTONE_ATTRIBUTE_DEFAULT,
                        new ConfigDef.NonEmptyString(), Importance.LOW, TOMBSTONE_ATTRIBUTE_DOC, TARGET_GROUP, ++t,
                        Width.MEDIUM, "Tombstone attribute")
                .define(TOMBSTONE_TTL_ATTRIBUTE_CONFIG, Type.STRING, "", Importance.LOW, TOMBSTONE_TTL_ATTRIBUTE_DOC,
                        TARGET_GROUP, ++t, Width.MEDIUM, "Tombstone TTL attribute")
                .define(TOMBSTONE_TTL_MS_CONFIG, Type.LONG, TOMBSTONE_TTL_MS_DEFAULT, Range.atLeast(1),
                        Importance.LOW, TOMBSTONE_TTL_MS_DOC, TARGET_GROUP, ++t, Width.SHORT, "Tombstone TTL (ms)")
                .define(TABLE_KEY_SCHEMA_CONFIG, Type.STRING, "", new KeySchemaValidator(), Importance.LOW,
                        TABLE_KEY_SCHEMA_DOC, TARGET_GROUP, ++t, Width.MEDIUM, "Source key schema")
                .define(GUARD_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.LOW, GUARD_ENABLED_DOC,
                        WRITES_GROUP, ++w, Width.SHORT, "Convergence guard")
                .define(GUARD_STRATEGY_CONFIG, Type.STRING, GUARD_STRATEGY_DEFAULT,
                        ChoiceValidator.of(GuardStrategy.configValues()), Importance.LOW, GUARD_STRATEGY_DOC,
                        WRITES_GROUP, ++w, Width.SHORT, "Guard strategy")
                .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 25), Importance.MEDIUM,
                        BATCH_SIZE_DOC, WRITES_GROUP, ++w, Width.SHORT, "Batch size")
                .define(MAX_IN_FLIGHT_CONFIG, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 1024),
                        Importance.MEDIUM, MAX_IN_FLIGHT_DOC, WRITES_GROUP, ++w, Width.SHORT, "Max in-flight requests")
                .define(RETRY_MAX_ATTEMPTS_CONFIG, Type.INT, RETRY_MAX_ATTEMPTS_DEFAULT, Range.atLeast(1),
                        Importance.LOW, RETRY_MAX_ATTEMPTS_DOC, WRITES_GROUP, ++w, Width.SHORT, "Retry attempts")
                .define(RETRY_BACKOFF_MIN_CONFIG, Type.LONG, RETRY_BACKOFF_MIN_DEFAULT, Range.atLeast(0),
                        Importance.LOW, RETRY_BACKOFF_MIN_DOC, WRITES_GROUP, ++w, Width.SHORT, "Retry backoff min (ms)")
                .define(RETRY_BACKOFF_MAX_CONFIG, Type.LONG, RETRY_BACKOFF_MAX_DEFAULT, Range.atLeast(0),
                        Importance.LOW, RETRY_BACKOFF_MAX_DOC, WRITES_GROUP, ++w, Width.SHORT, "Retry backoff max (ms)");
    }

    /** Rules between settings, which single-setting validators cannot express. */
    private void checkCombinations() {
        awsAccess().checkConsistent();
        if (getLong(RETRY_BACKOFF_MIN_CONFIG) > getLong(RETRY_BACKOFF_MAX_CONFIG)) {
            throw new ConfigException(RETRY_BACKOFF_MIN_CONFIG + " (" + getLong(RETRY_BACKOFF_MIN_CONFIG)
                    + ") must not exceed " + RETRY_BACKOFF_MAX_CONFIG + " (" + getLong(RETRY_BACKOFF_MAX_CONFIG) + ")");
        }
        if (versionAttribute().equals(tombstoneAttribute())) {
            throw new ConfigException(VERSION_ATTRIBUTE_CONFIG + " and " + TOMBSTONE_ATTRIBUTE_CONFIG
                    + " must name different attributes, both are '" + versionAttribute() + "'");
        }
        String ttlAttribute = tombstoneTtlAttribute().orElse("");
        if (ttlAttribute.equals(versionAttribute()) || ttlAttribute.equals(tombstoneAttribute())) {
            throw new ConfigException(TOMBSTONE_TTL_ATTRIBUTE_CONFIG + " must differ from the version and tombstone "
                    + "attributes, was '" + ttlAttribute + "'");
        }
    }

    /** Endpoint, region and credentials, shared in shape and meaning with the source connector. */
    public AwsAccess awsAccess() {
        return AwsAccessConfig.read(this);
    }

    public TableNameFormat tableNameFormat() {
        return new TableNameFormat(getString(TABLE_NAME_FORMAT_CONFIG));
    }

    public boolean autoCreateTables() {
        return getBoolean(TABLE_AUTO_CREATE_CONFIG);
    }

    public String versionAttribute() {
        return getString(VERSION_ATTRIBUTE_CONFIG);
    }

    public String tombstoneAttribute() {
        return getString(TOMBSTONE_ATTRIBUTE_CONFIG);
    }

    /** The attribute carrying a tombstone's expiry, if tombstones are to expire. */
    public Optional<String> tombstoneTtlAttribute() {
        String attribute = getString(TOMBSTONE_TTL_ATTRIBUTE_CONFIG).trim();
        return attribute.isEmpty() ? Optional.empty() : Optional.of(attribute);
    }

    public Duration tombstoneTtl() {
        return Duration.ofMillis(getLong(TOMBSTONE_TTL_MS_CONFIG));
    }

    /** The source key schema the user declared, if any. */
    public Optional<KeySchemaSpec> tableKeySchema() {
        String spec = getString(TABLE_KEY_SCHEMA_CONFIG).trim();
        return spec.isEmpty() ? Optional.empty() : Optional.of(KeySchemaSpec.parse(spec));
    }

    public boolean guardEnabled() {
        return getBoolean(GUARD_ENABLED_CONFIG);
    }

    public GuardStrategy guardStrategy() {
        return GuardStrategy.fromConfig(getString(GUARD_STRATEGY_CONFIG));
    }

    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    public int maxInFlightRequests() {
        return getInt(MAX_IN_FLIGHT_CONFIG);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(RETRY_MAX_ATTEMPTS_CONFIG), Duration.ofMillis(getLong(RETRY_BACKOFF_MIN_CONFIG)),
                Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_CONFIG)));
    }
}
