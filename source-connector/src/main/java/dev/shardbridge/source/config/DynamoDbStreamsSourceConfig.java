package dev.shardbridge.source.config;

import dev.shardbridge.common.aws.AwsAccess;
import dev.shardbridge.common.aws.AwsAccessConfig;
import dev.shardbridge.common.config.ChoiceValidator;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Configuration of the DynamoDB Streams source connector; {@code docs/configuration.md} is generated from it. */
public class DynamoDbStreamsSourceConfig extends AbstractConfig {

    static final String TABLES_GROUP = "Tables";
    static final String READING_GROUP = "Reading";
    static final String OUTPUT_GROUP = "Output";
    static final String SNAPSHOT_GROUP = "Snapshot";

    public static final String TABLES_CONFIG = "tables";
    private static final String TABLES_DOC = "Names of the tables whose streams are read.";
    public static final String TABLES_REGEX_CONFIG = "tables.regex";
    private static final String TABLES_REGEX_DOC = "A regular expression; every table whose whole name matches is"
            + " read as well. Tables are found when shards are discovered, so new matching tables join later.";

    public static final String ROLE_SESSION_NAME_DEFAULT = "shardbridge-source";

    public static final String START_POSITION_CONFIG = "start.position";
    public static final String START_POSITION_DEFAULT = StartPosition.TRIM_HORIZON.configValue();
    private static final String START_POSITION_DOC = "Where a shard without a committed offset is read from:"
            + " 'trim_horizon' (oldest retained record), 'latest' (only new records) or 'snapshot' (scan the table's"
            + " existing items first, as snapshot.mode says, while the stream is read from its oldest retained record).";
    public static final String POLL_MAX_RECORDS_CONFIG = "poll.max.records";
    public static final int POLL_MAX_RECORDS_DEFAULT = 1000;
    private static final String POLL_MAX_RECORDS_DOC = "Limit of each GetRecords call (DynamoDB allows at most 1000).";
    public static final String IDLE_BACKOFF_MIN_CONFIG = "poll.idle.backoff.min.ms";
    public static final long IDLE_BACKOFF_MIN_DEFAULT = 10L;
    private static final String IDLE_BACKOFF_MIN_DOC = "Pause after the first empty GetRecords call on a shard; it"
            + " doubles with every further empty call up to the maximum. Small, because it decides how soon a change"
            + " after a short lull is read, while quiet shards soon reach the maximum and cost little.";
    public static final String IDLE_BACKOFF_MAX_CONFIG = "poll.idle.backoff.max.ms";
    public static final long IDLE_BACKOFF_MAX_DEFAULT = 1000L;
    private static final String IDLE_BACKOFF_MAX_DOC = "Longest pause between GetRecords calls on a quiet shard;"
            + " bounds the latency of the first change after a quiet period.";
    public static final String SHARD_DISCOVERY_INTERVAL_CONFIG = "shard.discovery.interval.ms";
    public static final long SHARD_DISCOVERY_INTERVAL_DEFAULT = 10_000L;
    private static final String SHARD_DISCOVERY_INTERVAL_DOC = "How often the connector lists the streams' shards"
            + " to find new (child) shards and tables.";
    public static final String TRIMMED_DATA_POLICY_CONFIG = "trimmed.data.policy";
    public static final String TRIMMED_DATA_POLICY_DEFAULT = TrimmedDataPolicy.FAIL.configValue();
    private static final String TRIMMED_DATA_POLICY_DOC = "When a task's position is older than the stream's"
            + " retention: 'fail' stops the task; 'skip' continues at the oldest retained record, logs a warning"
            + " and counts the gap.";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOPIC_PREFIX_DEFAULT = "";
    private static final String TOPIC_PREFIX_DOC = "Prefix of the topic names: each table's changes go to"
            + " the topic named by this prefix followed by the table name.";
    public static final String TOMBSTONES_ON_DELETE_CONFIG = "tombstones.on.delete";
    public static final boolean TOMBSTONES_ON_DELETE_DEFAULT = true;
    private static final String TOMBSTONES_ON_DELETE_DOC = "Follow each delete event with a tombstone (same key,"
            + " null value) so compacted topics forget the item.";

    public static final String SHARD_MARKERS_TOPIC_CONFIG = "shard.markers.topic";
    public static final String SHARD_MARKERS_TOPIC_DEFAULT = "__shardbridge_shard_markers";
    private static final String SHARD_MARKERS_TOPIC_DOC = "Topic of the drained-shard markers: one empty record"
            + " (null key and value) per closed shard read to its end, carrying the offset that releases the shard's"
            + " children to other tasks. Connect can commit an offset only with a record, and a shard often closes"
            + " without a final record of its own. Consumers can ignore this topic; it must not be compacted.";

    public static final String SNAPSHOT_MODE_CONFIG = "snapshot.mode";
    public static final String SNAPSHOT_MODE_DEFAULT = SnapshotMode.INITIAL.configValue();
    private static final String SNAPSHOT_MODE_DOC = "With start.position=snapshot: 'initial' scans each table once,"
            + " then streams its changes; 'initial_only' scans and never streams; 'never' only streams (from the"
            + " oldest retained record); 'when_needed' is 'initial' and also scans a table again when a stored stream"
            + " position has been trimmed (the stream then continues at the oldest retained record, overriding"
            + " trimmed.data.policy).";
    public static final String SNAPSHOT_SEGMENTS_CONFIG = "snapshot.segments";
    public static final int SNAPSHOT_SEGMENTS_DEFAULT = 4;
    private static final String SNAPSHOT_SEGMENTS_DOC = "Segments of the parallel Scan (TotalSegments), each read by"
            + " its own thread in the task that snapshots the table; progress is kept per segment in Connect offsets."
            + " A snapshot in progress keeps the segment count it started with.";
    public static final String SNAPSHOT_MAX_ITEMS_PER_SECOND_CONFIG = "snapshot.max.items.per.second";
    public static final long SNAPSHOT_MAX_ITEMS_PER_SECOND_DEFAULT = 0L;
    private static final String SNAPSHOT_MAX_ITEMS_PER_SECOND_DOC = "Cap on the items scanned per second per table,"
            + " over all its segments, so a snapshot leaves read capacity to the table's own traffic; 0 means no cap."
            + " Scans are strongly consistent: each 4 KB of item read costs one read capacity unit.";
    public static final String SNAPSHOT_PAGE_ITEMS_CONFIG = "snapshot.page.items";
    public static final int SNAPSHOT_PAGE_ITEMS_DEFAULT = 1000;
    private static final String SNAPSHOT_PAGE_ITEMS_DOC = "Limit of each Scan call; a page also ends at 1 MB."
            + " Smaller pages mean fewer rows dropped for keys that change while their page is read.";
    public static final String SNAPSHOT_WATERMARK_DELAY_CONFIG = "snapshot.watermark.delay.ms";
    public static final long SNAPSHOT_WATERMARK_DELAY_DEFAULT = 500L;
    private static final String SNAPSHOT_WATERMARK_DELAY_DOC = "How long after a Scan page returns the table's"
            + " stream must still be read (to an empty page) before the page's rows are emitted: the time a change"
            + " may take to appear in the stream after it is visible to reads. Only delays rows, pages are read ahead.";
    public static final String STREAM_RETENTION_CONFIG = "stream.retention.ms";
    public static final long STREAM_RETENTION_DEFAULT = 24L * 60 * 60 * 1000;
    private static final String STREAM_RETENTION_DOC = "How long the store keeps stream records (24 hours for"
            + " DynamoDB Streams). A snapshot whose estimated duration exceeds it is reported at once with a warning.";

    private static final ConfigDef CONFIG = AwsAccessConfig.define(new ConfigDef()
                    .define(TABLES_CONFIG, Type.LIST, "", Importance.HIGH, TABLES_DOC,
                            TABLES_GROUP, 1, Width.LONG, "Tables")
                    .define(TABLES_REGEX_CONFIG, Type.STRING, "", new RegexValidator(), Importance.MEDIUM,
                            TABLES_REGEX_DOC, TABLES_GROUP, 2, Width.MEDIUM, "Tables regex"),
                    ROLE_SESSION_NAME_DEFAULT)
            .define(START_POSITION_CONFIG, Type.STRING, START_POSITION_DEFAULT,
                    ChoiceValidator.of(StartPosition.configValues()), Importance.HIGH,
                    START_POSITION_DOC, READING_GROUP, 1, Width.SHORT, "Start position")
            .define(POLL_MAX_RECORDS_CONFIG, Type.INT, POLL_MAX_RECORDS_DEFAULT, Range.between(1, 1000),
                    Importance.LOW, POLL_MAX_RECORDS_DOC, READING_GROUP, 2, Width.SHORT, "Records per call")
            .define(IDLE_BACKOFF_MIN_CONFIG, Type.LONG, IDLE_BACKOFF_MIN_DEFAULT, Range.atLeast(0),
                    Importance.LOW, IDLE_BACKOFF_MIN_DOC, READING_GROUP, 3, Width.SHORT, "Idle backoff min")
            .define(IDLE_BACKOFF_MAX_CONFIG, Type.LONG, IDLE_BACKOFF_MAX_DEFAULT, Range.atLeast(1),
                    Importance.LOW, IDLE_BACKOFF_MAX_DOC, READING_GROUP, 4, Width.SHORT, "Idle backoff max")
            .define(SHARD_DISCOVERY_INTERVAL_CONFIG, Type.LONG, SHARD_DISCOVERY_INTERVAL_DEFAULT, Range.atLeast(100),
                    Importance.MEDIUM, SHARD_DISCOVERY_INTERVAL_DOC, READING_GROUP, 5, Width.SHORT, "Discovery interval")
            .define(TRIMMED_DATA_POLICY_CONFIG, Type.STRING, TRIMMED_DATA_POLICY_DEFAULT,
                    ChoiceValidator.of(TrimmedDataPolicy.configValues()), Importance.HIGH,
                    TRIMMED_DATA_POLICY_DOC, READING_GROUP, 6, Width.SHORT, "Trimmed data policy")
            .define(TOPIC_PREFIX_CONFIG, Type.STRING, TOPIC_PREFIX_DEFAULT, Importance.MEDIUM, TOPIC_PREFIX_DOC,
                    OUTPUT_GROUP, 1, Width.MEDIUM, "Topic prefix")
            .define(TOMBSTONES_ON_DELETE_CONFIG, Type.BOOLEAN, TOMBSTONES_ON_DELETE_DEFAULT, Importance.MEDIUM,
                    TOMBSTONES_ON_DELETE_DOC, OUTPUT_GROUP, 2, Width.SHORT, "Tombstones on delete")
            .define(SHARD_MARKERS_TOPIC_CONFIG, Type.STRING, SHARD_MARKERS_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(),
                    Importance.LOW, SHARD_MARKERS_TOPIC_DOC, OUTPUT_GROUP, 3, Width.MEDIUM, "Shard markers topic")
            .define(SNAPSHOT_MODE_CONFIG, Type.STRING, SNAPSHOT_MODE_DEFAULT,
                    ChoiceValidator.of(SnapshotMode.configValues()), Importance.HIGH,
                    SNAPSHOT_MODE_DOC, SNAPSHOT_GROUP, 1, Width.SHORT, "Snapshot mode")
            .define(SNAPSHOT_SEGMENTS_CONFIG, Type.INT, SNAPSHOT_SEGMENTS_DEFAULT, Range.between(1, 1000),
                    Importance.MEDIUM, SNAPSHOT_SEGMENTS_DOC, SNAPSHOT_GROUP, 2, Width.SHORT, "Scan segments")
            .define(SNAPSHOT_MAX_ITEMS_PER_SECOND_CONFIG, Type.LONG, SNAPSHOT_MAX_ITEMS_PER_SECOND_DEFAULT,
                    Range.atLeast(0), Importance.MEDIUM, SNAPSHOT_MAX_ITEMS_PER_SECOND_DOC, SNAPSHOT_GROUP, 3,
                    Width.SHORT, "Scan rate cap")
            .define(SNAPSHOT_PAGE_ITEMS_CONFIG, Type.INT, SNAPSHOT_PAGE_ITEMS_DEFAULT, Range.between(1, 10_000),
                    Importance.LOW, SNAPSHOT_PAGE_ITEMS_DOC, SNAPSHOT_GROUP, 4, Width.SHORT, "Items per Scan call")
            .define(SNAPSHOT_WATERMARK_DELAY_CONFIG, Type.LONG, SNAPSHOT_WATERMARK_DELAY_DEFAULT, Range.atLeast(0),
                    Importance.LOW, SNAPSHOT_WATERMARK_DELAY_DOC, SNAPSHOT_GROUP, 5, Width.SHORT, "Watermark delay")
            .define(STREAM_RETENTION_CONFIG, Type.LONG, STREAM_RETENTION_DEFAULT, Range.atLeast(1),
                    Importance.LOW, STREAM_RETENTION_DOC, SNAPSHOT_GROUP, 6, Width.SHORT, "Stream retention");

    public DynamoDbStreamsSourceConfig(Map<?, ?> props) {
        super(CONFIG, props);
        ConfigConsistency.check(this);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public List<String> tables() {
        return getList(TABLES_CONFIG).stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    public Optional<Pattern> tablesRegex() {
        return nonEmpty(TABLES_REGEX_CONFIG).map(Pattern::compile);
    }

    /** Endpoint, region and credentials, shared in shape and meaning with the sink connector. */
    public AwsAccess awsAccess() {
        return AwsAccessConfig.read(this);
    }

    public StartPosition startPosition() {
        return StartPosition.fromConfig(getString(START_POSITION_CONFIG));
    }

    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS_CONFIG);
    }

    public IdleBackoff idleBackoff() {
        return new IdleBackoff(Duration.ofMillis(getLong(IDLE_BACKOFF_MIN_CONFIG)),
                Duration.ofMillis(getLong(IDLE_BACKOFF_MAX_CONFIG)));
    }

    public Duration shardDiscoveryInterval() {
        return Duration.ofMillis(getLong(SHARD_DISCOVERY_INTERVAL_CONFIG));
    }

    public TrimmedDataPolicy trimmedDataPolicy() {
        return TrimmedDataPolicy.fromConfig(getString(TRIMMED_DATA_POLICY_CONFIG));
    }

    public SnapshotMode snapshotMode() {
        return SnapshotMode.fromConfig(getString(SNAPSHOT_MODE_CONFIG));
    }

    /** Whether tables are scanned at all: start.position=snapshot and a mode other than never. */
    public boolean snapshotsEnabled() {
        return startPosition() == StartPosition.SNAPSHOT && snapshotMode() != SnapshotMode.NEVER;
    }

    /** Whether the tables' streams are read: always, except for snapshot.mode=initial_only under snapshots. */
    public boolean streamsRead() {
        return !snapshotsEnabled() || snapshotMode().streams();
    }

    public int snapshotSegments() {
        return getInt(SNAPSHOT_SEGMENTS_CONFIG);
    }

    /** Items per second per table; 0 when uncapped. */
    public long snapshotMaxItemsPerSecond() {
        return getLong(SNAPSHOT_MAX_ITEMS_PER_SECOND_CONFIG);
    }

    public int snapshotPageItems() {
        return getInt(SNAPSHOT_PAGE_ITEMS_CONFIG);
    }

    public Duration snapshotWatermarkDelay() {
        return Duration.ofMillis(getLong(SNAPSHOT_WATERMARK_DELAY_CONFIG));
    }

    public Duration streamRetention() {
        return Duration.ofMillis(getLong(STREAM_RETENTION_CONFIG));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX_CONFIG);
    }

    public String topicFor(String table) {
        return topicPrefix() + table;
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE_CONFIG);
    }

    public String shardMarkersTopic() {
        return getString(SHARD_MARKERS_TOPIC_CONFIG).trim();
    }

    private Optional<String> nonEmpty(String key) {
        String value = getString(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
