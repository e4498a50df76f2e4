package dev.shardbridge.sink.config;

import java.net.URI;
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
import org.apache.kafka.common.config.types.Password;

/** The sink connector's configuration: where to write, how to guard writes, and how hard to push. */
public class DynamoDbSinkConfig extends AbstractConfig {

    private static final String CONNECTION_GROUP = "Connection";
    private static final String TARGET_GROUP = "Target";
    private static final String WRITES_GROUP = "Writes";

    public static final String ENDPOINT_OVERRIDE_CONFIG = "dynamodb.endpoint.override";
    private static final String ENDPOINT_OVERRIDE_DOC = "DynamoDB endpoint URL, e.g. http://localhost:8000 for the "
            + "store emulator or DynamoDB Local. Empty uses the region's AWS endpoint.";
    public static final String REGION_CONFIG = "aws.region";
    private static final String REGION_DOC = "AWS region of the target table. Empty uses the SDK's default region chain.";
    public static final String CREDENTIALS_PROVIDER_CONFIG = "aws.credentials.provider";
    private static final String CREDENTIALS_PROVIDER_DOC = "Where credentials come from: default (the SDK's chain), "
            + "static (aws.access.key.id and aws.secret.access.key), profile (aws.profile.name) or assume-role "
            + "(aws.assume.role.arn, starting from the default chain).";
    public static final String CREDENTIALS_PROVIDER_DEFAULT = CredentialsProviderType.DEFAULT.configValue();
    public static final String ACCESS_KEY_ID_CONFIG = "aws.access.key.id";
    private static final String ACCESS_KEY_ID_DOC = "Access key id for the static provider.";
    public static final String SECRET_ACCESS_KEY_CONFIG = "aws.secret.access.key";
    private static final String SECRET_ACCESS_KEY_DOC = "Secret access key for the static provider; hidden in logs and the REST API.";
    public static final String PROFILE_NAME_CONFIG = "aws.profile.name";
    private static final String PROFILE_NAME_DOC = "Profile name for the profile provider.";
    public static final String ROLE_ARN_CONFIG = "aws.assume.role.arn";
    private static final String ROLE_ARN_DOC = "ARN of the role to assume for the assume-role provider.";
    public static final String ROLE_SESSION_NAME_CONFIG = "aws.assume.role.session.name";
    private static final String ROLE_SESSION_NAME_DOC = "STS session name for the assume-role provider.";
    public static final String ROLE_SESSION_NAME_DEFAULT = "shardbridge-sink";
    public static final String ROLE_EXTERNAL_ID_CONFIG = "aws.assume.role.external.id";
    private static final String ROLE_EXTERNAL_ID_DOC = "Optional external id the role's trust policy requires.";

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

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Most items per BatchWriteItem request (DynamoDB allows 25). "
            + "Used when guard.enabled=false; guarded writes are conditional and go out one item per PutItem.";
    public static final int BATCH_SIZE_DEFAULT = 25;
    public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.requests";
    private static final String MAX_IN_FLIGHT_DOC = "Most concurrent write requests per task: changes (one per "
            + "item and batch after collapsing) are written in parallel by this many threads, each retrying its own "
            + "item, so a throttled item does not hold up the others. With the guard on, writes also continue "
            + "while the task polls its next batch; offsets are committed only for records already written.";
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
        int c = 0;
        int t = 0;
        int w = 0;
        return new ConfigDef()
                .define(ENDPOINT_OVERRIDE_CONFIG, Type.STRING, "", new EndpointValidator(), Importance.MEDIUM,
                        ENDPOINT_OVERRIDE_DOC, CONNECTION_GROUP, ++c, Width.LONG, "Endpoint override")
                .define(REGION_CONFIG, Type.STRING, "", Importance.MEDIUM, REGION_DOC, CONNECTION_GROUP, ++c,
                        Width.SHORT, "Region")
                .define(CREDENTIALS_PROVIDER_CONFIG, Type.STRING, CREDENTIALS_PROVIDER_DEFAULT,
                        CredentialsProviderType.validator(), Importance.MEDIUM, CREDENTIALS_PROVIDER_DOC,
                        CONNECTION_GROUP, ++c, Width.SHORT, "Credentials provider")
                .define(ACCESS_KEY_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, ACCESS_KEY_ID_DOC,
                        CONNECTION_GROUP, ++c, Width.MEDIUM, "Access key id")
                .define(SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, SECRET_ACCESS_KEY_DOC,
                        CONNECTION_GROUP, ++c, Width.MEDIUM, "Secret access key")
                .define(PROFILE_NAME_CONFIG, Type.STRING, "", Importance.LOW, PROFILE_NAME_DOC,
                        CONNECTION_GROUP, ++c, Width.MEDIUM, "Profile name")
                .define(ROLE_ARN_CONFIG, Type.STRING, "", Importance.LOW, ROLE_ARN_DOC,
                        CONNECTION_GROUP, ++c, Width.LONG, "Role ARN")
                .define(ROLE_SESSION_NAME_CONFIG, Type.STRING, ROLE_SESSION_NAME_DEFAULT, new ConfigDef.NonEmptyString(),
                        Importance.LOW, ROLE_SESSION_NAME_DOC, CONNECTION_GROUP, ++c, Width.MEDIUM, "Role session name")
                .define(ROLE_EXTERNAL_ID_CONFIG, Type.STRING, "", Importance.LOW, ROLE_EXTERNAL_ID_DOC,
                        CONNECTION_GROUP, ++c, Width.MEDIUM, "Role external id")
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
        switch (credentialsProviderType()) {
            case STATIC -> {
                requireSet(ACCESS_KEY_ID_CONFIG, "static");
                Password secret = getPassword(SECRET_ACCESS_KEY_CONFIG);
                if (secret == null || secret.value().isEmpty()) {
                    throw new ConfigException(SECRET_ACCESS_KEY_CONFIG + " is required when "
                            + CREDENTIALS_PROVIDER_CONFIG + "=static");
                }
            }
            case PROFILE -> requireSet(PROFILE_NAME_CONFIG, "profile");
            case ASSUME_ROLE -> requireSet(ROLE_ARN_CONFIG, "assume-role");
            case DEFAULT -> { }
        }
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

    private void requireSet(String name, String provider) {
        if (getString(name).isBlank()) {
            throw new ConfigException(name + " is required when " + CREDENTIALS_PROVIDER_CONFIG + "=" + provider);
        }
    }

    public Optional<URI> endpointOverride() {
        String endpoint = getString(ENDPOINT_OVERRIDE_CONFIG).trim();
        return endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint));
    }

    public Optional<String> region() {
        String region = getString(REGION_CONFIG).trim();
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    public CredentialsProviderType credentialsProviderType() {
        return CredentialsProviderType.fromConfig(getString(CREDENTIALS_PROVIDER_CONFIG));
    }

    public CredentialsSettings credentials() {
        String externalId = getString(ROLE_EXTERNAL_ID_CONFIG).trim();
        return new CredentialsSettings(credentialsProviderType(), getString(ACCESS_KEY_ID_CONFIG),
                getPassword(SECRET_ACCESS_KEY_CONFIG), getString(PROFILE_NAME_CONFIG), getString(ROLE_ARN_CONFIG),
                getString(ROLE_SESSION_NAME_CONFIG), externalId.isEmpty() ? Optional.empty() : Optional.of(externalId));
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
