package dev.shardbridge.source.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders the connector's ConfigDef as {@code docs/configuration.md}. The file is generated, never edited,
 * so the reference cannot drift from the code; {@code ConfigurationDocWriterTest} fails when it is stale.
 * Run: {@code mvn -B -pl source-connector test-compile exec:java@config-docs}.
 */
public final class ConfigurationDocWriter {

    private ConfigurationDocWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.writeString(target, render(DynamoDbStreamsSourceConfig.configDef()), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath().normalize());
    }

    public static String render(ConfigDef def) {
        StringBuilder out = new StringBuilder()
                .append("# Source connector configuration\n\n")
                .append("<!-- Generated from DynamoDbStreamsSourceConfig by ConfigurationDocWriter; do not edit. -->\n\n")
                .append("The settings of the DynamoDB Streams source connector, as `DynamoDbStreamsSourceConfig` "
                        + "defines and validates them. The connector class itself is still being built (issue 5).\n");
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
        // Kafka renders any password as [hidden]; a reference should still say whether a default exists.
        String value = key.defaultValue instanceof Password password
                ? (password.value().isEmpty() ? "" : "(hidden)")
                : ConfigDef.convertToString(key.defaultValue, key.type);
        return value == null || value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    /** Pipes would end a Markdown table cell. */
    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
