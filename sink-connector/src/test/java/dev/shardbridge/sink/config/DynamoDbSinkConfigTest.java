package dev.shardbridge.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shardbridge.common.aws.AwsAccessConfig;
import dev.shardbridge.common.aws.CredentialsKind;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class DynamoDbSinkConfigTest {

    @Test
    void defaultsNeedNoSettings() {
        DynamoDbSinkConfig config = new DynamoDbSinkConfig(Map.of());

        assertThat(config.awsAccess().endpointOverride()).isEmpty();
        assertThat(config.awsAccess().region()).isEmpty();
        assertThat(config.awsAccess().credentials().kind()).isEqualTo(CredentialsKind.DEFAULT);
        assertThat(config.tableNameFormat().tableName("orders", "shardbridge.orders")).isEqualTo("orders");
        assertThat(config.autoCreateTables()).isFalse();
        assertThat(config.versionAttribute()).isEqualTo("_shardbridge_pos");
        assertThat(config.tombstoneAttribute()).isEqualTo("_shardbridge_deleted");
        assertThat(config.batchSize()).isEqualTo(25);
        assertThat(config.maxInFlightRequests()).isEqualTo(16);
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(10, Duration.ofMillis(50), Duration.ofSeconds(10)));
    }

    @Test
    void readsTypedSettings() {
        DynamoDbSinkConfig config = new DynamoDbSinkConfig(Map.of(
                AwsAccessConfig.ENDPOINT_OVERRIDE_CONFIG, "http://localhost:8000",
                AwsAccessConfig.REGION_CONFIG, "eu-west-1",
                AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG, "static",
                AwsAccessConfig.ACCESS_KEY_ID_CONFIG, "AKID",
                AwsAccessConfig.SECRET_ACCESS_KEY_CONFIG, "s3cret",
                DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG, "replica-${topic}",
                DynamoDbSinkConfig.BATCH_SIZE_CONFIG, "10",
                DynamoDbSinkConfig.RETRY_BACKOFF_MIN_CONFIG, "5",
                DynamoDbSinkConfig.RETRY_BACKOFF_MAX_CONFIG, "80"));

        assertThat(config.awsAccess().endpointOverride()).contains(URI.create("http://localhost:8000"));
        assertThat(config.awsAccess().region()).contains(Region.EU_WEST_1);
        assertThat(config.awsAccess().credentials().secretAccessKey().orElseThrow().value()).isEqualTo("s3cret");
        assertThat(config.awsAccess().toString()).doesNotContain("s3cret");
        assertThat(config.tableNameFormat().tableName("orders", "cdc.orders")).isEqualTo("replica-cdc.orders");
        assertThat(config.batchSize()).isEqualTo(10);
        assertThat(config.retryPolicy().backoffBefore(1)).isEqualTo(Duration.ofMillis(5));
        assertThat(config.retryPolicy().backoffBefore(3)).isEqualTo(Duration.ofMillis(20));
        assertThat(config.retryPolicy().backoffBefore(10)).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void batchSizeIsBoundedByBatchWriteItem() {
        assertRejected(Map.of(DynamoDbSinkConfig.BATCH_SIZE_CONFIG, "26"), "batch.size", "no more than 25");
        assertRejected(Map.of(DynamoDbSinkConfig.BATCH_SIZE_CONFIG, "0"), "batch.size", "at least 1");
    }

    @Test
    void eachCredentialsProviderNeedsItsSettings() {
        assertRejected(Map.of(AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG, "static",
                AwsAccessConfig.ACCESS_KEY_ID_CONFIG, "AKID"), "aws.credentials.provider=static needs both",
                "aws.secret.access.key");
        assertRejected(Map.of(AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG, "profile"),
                "aws.credentials.provider=profile needs aws.profile.name");
        assertRejected(Map.of(AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG, "assume-role"),
                "aws.credentials.provider=assume-role needs aws.role.arn");
        assertRejected(Map.of(AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG, "iam"),
                "aws.credentials.provider", "default, static, profile, assume-role");
    }

    @Test
    void rejectsMalformedTargetSettings() {
        assertRejected(Map.of(DynamoDbSinkConfig.TABLE_NAME_FORMAT_CONFIG, "${database}.x"),
                "table.name.format", "Unknown placeholder ${database}");
        assertRejected(Map.of(AwsAccessConfig.ENDPOINT_OVERRIDE_CONFIG, "localhost:8000"),
                "aws.endpoint.override", "http:// or https://");
        assertRejected(Map.of(DynamoDbSinkConfig.TOMBSTONE_ATTRIBUTE_CONFIG, "_shardbridge_pos"),
                "must name different attributes", "_shardbridge_pos");
        assertRejected(Map.of(DynamoDbSinkConfig.RETRY_BACKOFF_MIN_CONFIG, "500",
                DynamoDbSinkConfig.RETRY_BACKOFF_MAX_CONFIG, "100"), "retry.backoff.min.ms (500)", "retry.backoff.max.ms (100)");
    }

    @Test
    void rejectsATableNameDynamoDbWouldRefuse() {
        TableNameFormat format = new TableNameFormat("${topic}");

        assertThatThrownBy(() -> format.tableName("orders", "cdc/orders")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cdc/orders'");
    }

    @Test
    void everySettingIsDocumentedAndGrouped() {
        DynamoDbSinkConfig.CONFIG_DEF.configKeys().values().forEach(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
    }

    private static void assertRejected(Map<String, String> settings, String... messageParts) {
        Map<String, String> props = new HashMap<>(settings);
        assertThatThrownBy(() -> new DynamoDbSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theGuardIsOnAndTombstonesLiveForeverUnlessConfigured() {
        DynamoDbSinkConfig config = new DynamoDbSinkConfig(Map.of());

        assertThat(config.guardEnabled()).isTrue();
        assertThat(config.tombstoneTtlAttribute()).isEmpty();
        assertThat(config.tombstoneTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.tableKeySchema()).isEmpty();
    }

    @Test
    void readsTheTombstoneExpiryAndTheDeclaredKeySchema() {
        DynamoDbSinkConfig config = new DynamoDbSinkConfig(Map.of(
                DynamoDbSinkConfig.TOMBSTONE_TTL_ATTRIBUTE_CONFIG, "expires_at",
                DynamoDbSinkConfig.TOMBSTONE_TTL_MS_CONFIG, "3600000",
                DynamoDbSinkConfig.TABLE_KEY_SCHEMA_CONFIG, "pk:S",
                DynamoDbSinkConfig.GUARD_ENABLED_CONFIG, "false"));

        assertThat(config.tombstoneTtlAttribute()).contains("expires_at");
        assertThat(config.tombstoneTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.tableKeySchema()).contains(KeySchemaSpec.parse("pk:S"));
        assertThat(config.guardEnabled()).isFalse();
    }

    @Test
    void theExpiryAttributeMustNotBeOneOfTheGuardsOwn() {
        assertThatThrownBy(() -> new DynamoDbSinkConfig(Map.of(
                DynamoDbSinkConfig.TOMBSTONE_TTL_ATTRIBUTE_CONFIG, DynamoDbSinkConfig.VERSION_ATTRIBUTE_DEFAULT)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("tombstone.ttl.attribute must differ");
    }
}
