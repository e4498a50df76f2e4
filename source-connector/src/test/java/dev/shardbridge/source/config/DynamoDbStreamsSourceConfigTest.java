package dev.shardbridge.source.config;

import org.apache.kafka.common.config.ConfigException;
import dev.shardbridge.common.aws.CredentialsKind;
import dev.shardbridge.common.aws.CredentialsSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbStreamsSourceConfigTest {

    private static Map<String, String> minimal(String... keyValues) {
        Map<String, String> props = new HashMap<>(Map.of("tables", "orders"));
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsAreTypedAndSafe() {
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(minimal());
        assertThat(config.tables()).containsExactly("orders");
        assertThat(config.tablesRegex()).isEmpty();
        assertThat(config.awsAccess().endpointOverride()).isEmpty();
        assertThat(config.awsAccess().region()).isEmpty();
        assertThat(config.awsAccess().credentials().kind()).isEqualTo(CredentialsKind.DEFAULT);
        assertThat(config.startPosition()).isEqualTo(StartPosition.TRIM_HORIZON);
        assertThat(config.pollMaxRecords()).isEqualTo(1000);
        assertThat(config.idleBackoff()).isEqualTo(new IdleBackoff(Duration.ofMillis(10), Duration.ofSeconds(1)));
        assertThat(config.shardDiscoveryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.trimmedDataPolicy()).isEqualTo(TrimmedDataPolicy.FAIL);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.topicFor("orders")).isEqualTo("orders");
    }

    @Test
    void readsEveryExplicitSetting() {
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(minimal(
                "tables", " orders, parcels ,orders", "tables.regex", "scan-.*",
                "aws.endpoint.override", "http://localhost:8000", "aws.region", "eu-west-1",
                "start.position", "LATEST", "poll.max.records", "250",
                "poll.idle.backoff.min.ms", "10", "poll.idle.backoff.max.ms", "2000",
                "shard.discovery.interval.ms", "500", "trimmed.data.policy", "skip",
                "topic.prefix", "ddb.", "tombstones.on.delete", "false"));
        assertThat(config.tables()).isEqualTo(List.of("orders", "parcels"));
        assertThat(config.tablesRegex()).hasValueSatisfying(p -> assertThat(p.matcher("scan-1").matches()).isTrue());
        assertThat(config.awsAccess().endpointOverride()).contains(URI.create("http://localhost:8000"));
        assertThat(config.awsAccess().region()).contains(Region.EU_WEST_1);
        assertThat(config.startPosition()).isEqualTo(StartPosition.LATEST);
        assertThat(config.pollMaxRecords()).isEqualTo(250);
        assertThat(config.idleBackoff()).isEqualTo(new IdleBackoff(Duration.ofMillis(10), Duration.ofSeconds(2)));
        assertThat(config.shardDiscoveryInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.trimmedDataPolicy()).isEqualTo(TrimmedDataPolicy.SKIP);
        assertThat(config.topicFor("orders")).isEqualTo("ddb.orders");
        assertThat(config.tombstonesOnDelete()).isFalse();
    }

    @Test
    void staticCredentialsKeepTheSecretHidden() {
        DynamoDbStreamsSourceConfig config = new DynamoDbStreamsSourceConfig(minimal(
                "aws.credentials.provider", "static", "aws.access.key.id", "AKID", "aws.secret.access.key", "s3cr3t"));
        CredentialsSettings credentials = config.awsAccess().credentials();
        assertThat(credentials.kind()).isEqualTo(CredentialsKind.STATIC);
        assertThat(credentials.accessKeyId()).contains("AKID");
        assertThat(credentials.secretAccessKey()).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("s3cr3t"));
        assertThat(credentials.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void assumeRoleCarriesArnExternalIdAndSessionName() {
        CredentialsSettings credentials = new DynamoDbStreamsSourceConfig(minimal(
                "aws.credentials.provider", "assume-role", "aws.role.arn", "arn:aws:iam::1:role/r",
                "aws.role.external.id", "ext")).awsAccess().credentials();
        assertThat(credentials.roleArn()).contains("arn:aws:iam::1:role/r");
        assertThat(credentials.roleExternalId()).contains("ext");
        assertThat(credentials.roleSessionName()).isEqualTo("shardbridge-source");
    }

    @Test
    void snapshotsRunOnlyUnderStartPositionSnapshotAndInitialOnlyStopsStreaming() {
        DynamoDbStreamsSourceConfig defaults = new DynamoDbStreamsSourceConfig(minimal("snapshot.mode", "initial"));
        assertThat(defaults.snapshotsEnabled()).isFalse();
        assertThat(defaults.streamsRead()).isTrue();

        DynamoDbStreamsSourceConfig initial = new DynamoDbStreamsSourceConfig(minimal("start.position", "snapshot"));
        assertThat(initial.startPosition()).isEqualTo(StartPosition.SNAPSHOT);
        assertThat(initial.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(initial.snapshotsEnabled()).isTrue();
        assertThat(initial.streamsRead()).isTrue();
        assertThat(initial.snapshotSegments()).isEqualTo(4);
        assertThat(initial.snapshotMaxItemsPerSecond()).isZero();
        assertThat(initial.snapshotWatermarkDelay()).hasMillis(500);
        assertThat(initial.streamRetention()).hasHours(24);

        DynamoDbStreamsSourceConfig export = new DynamoDbStreamsSourceConfig(
                minimal("start.position", "snapshot", "snapshot.mode", "initial_only"));
        assertThat(export.snapshotsEnabled()).isTrue();
        assertThat(export.streamsRead()).isFalse();

        assertThat(new DynamoDbStreamsSourceConfig(minimal("start.position", "snapshot", "snapshot.mode", "never"))
                .snapshotsEnabled()).isFalse();
    }

    @Test
    void rejectsAConfigurationWithoutTables() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(Map.of("tables", " ")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tables or tables.regex");
    }

    @Test
    void rejectsOutOfRangeAndUnknownValuesNamingTheKey() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("poll.max.records", "1001")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("poll.max.records");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("poll.max.records", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("poll.max.records");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("start.position", "earliest")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("start.position");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("snapshot.mode", "always")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("snapshot.mode");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("snapshot.segments", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("snapshot.segments");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("snapshot.max.items.per.second", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("snapshot.max.items.per.second");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("trimmed.data.policy", "ignore")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trimmed.data.policy");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("tables.regex", "orders[")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid Java regular expression");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("aws.endpoint.override", "localhost:8000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("shard.discovery.interval.ms", "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shard.discovery.interval.ms");
    }

    @Test
    void rejectsStaticWithoutBothKeys() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal(
                "aws.credentials.provider", "static", "aws.access.key.id", "AKID")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("aws.credentials.provider=static needs both aws.access.key.id and aws.secret.access.key");
    }

    @Test
    void rejectsProfileAndAssumeRoleWithoutTheirSettings() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("aws.credentials.provider", "profile")))
                .isInstanceOf(ConfigException.class).hasMessage("aws.credentials.provider=profile needs aws.profile.name");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("aws.credentials.provider", "assume-role")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("aws.credentials.provider=assume-role needs aws.role.arn");
    }

    @Test
    void rejectsSettingsTheChosenProviderWouldIgnore() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("aws.secret.access.key", "s3cr3t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is 'default', which ignores it; set aws.credentials.provider=static")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal(
                "aws.credentials.provider", "static", "aws.access.key.id", "A", "aws.secret.access.key", "S",
                "aws.role.arn", "arn:aws:iam::1:role/r")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set aws.credentials.provider=assume-role");
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal("aws.profile.name", "dev")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set aws.credentials.provider=profile");
    }

    @Test
    void rejectsAnIdleBackoffWhoseMinimumExceedsItsMaximum() {
        assertThatThrownBy(() -> new DynamoDbStreamsSourceConfig(minimal(
                "poll.idle.backoff.min.ms", "500", "poll.idle.backoff.max.ms", "100")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("poll.idle.backoff.min.ms (500) must not exceed poll.idle.backoff.max.ms (100)");
    }
}
