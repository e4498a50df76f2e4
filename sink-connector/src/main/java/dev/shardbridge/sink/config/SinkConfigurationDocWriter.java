package dev.shardbridge.sink.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders the sink's ConfigDef as {@code docs/configuration-sink.md}, in the same layout as the
 * source connector's reference. The file is generated, never edited; {@code SinkConfigurationDocWriterTest}
 * fails when it is stale. Run: {@code mvn -B -pl sink-connector test-compile exec:java@config-docs}.
 *
 * <p>A file of its own because the source's generator owns {@code docs/configuration.md} whole.
 */
public final class SinkConfigurationDocWriter {

    private SinkConfigurationDocWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration-sink.md");
        Files.writeString(target, render(DynamoDbSinkConfig.CONFIG_DEF), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath().normalize());
    }

    public static String render(ConfigDef def) {
        StringBuilder out = new StringBuilder()
                .append("# Sink connector configuration\n\n")
                .append("<!-- Generated from DynamoDbSinkConfig by SinkConfigurationDocWriter; do not edit. -->\n\n")
                .append("The settings of `dev.shardbridge.sink.DynamoDbSinkConnector`, as `DynamoDbSinkConfig` defines "
                        + "and validates them. Connect's own sink settings (`topics`, `tasks.max`, converters, "
                        + "`errors.tolerance`, `errors.deadletterqueue.*`) apply as usual; the sink reads "
                        + "`errors.tolerance` to decide between the dead-letter queue and failing the task. How the "
                        + "guard works, and how to read a replica, is in [architecture.md](architecture.md#sink-convergence-guard).\n");
        for (String group : def.groups()) {
            out.append("\n## ").append(group).append("\n");
            keysOf(def, group).forEach(key -> appendKey(out, key));
        }
        return out.toString();
    }

    private static List<ConfigKey> keysOf(ConfigDef def, String group) {
        return def.configKeys().values().stream()
                .filter(key -> group.equals(key.group))
                .sorted(Comparator.comparingInt((ConfigKey key) -> key.orderInGroup).thenComparing(key -> key.name))
                .toList();
    }

    private static void appendKey(StringBuilder out, ConfigKey key) {
        out.append("\n### `").append(key.name).append("`\n\n")
                .append(key.documentation).append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| Type | ").append(key.type.name().toLowerCase(Locale.ROOT)).append(" |\n")
                .append("| Default | ").append(defaultOf(key)).append(" |\n");
        if (key.validator != null) {
            out.append("| Valid values | ").append(escape(key.validator.toString())).append(" |\n");
        }
        out.append("| Importance | ").append(key.importance.name().toLowerCase(Locale.ROOT)).append(" |\n");
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        // Kafka renders any password as [hidden]; a reference should say whether a default exists at all.
        if (key.defaultValue == null || key.defaultValue instanceof Password password && password.value().isEmpty()) {
            return "(empty)";
        }
        String value = key.defaultValue instanceof Password ? "(hidden)" : ConfigDef.convertToString(key.defaultValue, key.type);
        return value == null || value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    /** Pipes would end a Markdown table cell. */
    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
