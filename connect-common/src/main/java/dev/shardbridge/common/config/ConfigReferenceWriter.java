package dev.shardbridge.common.config;

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
 * Renders a connector's ConfigDef as one section of {@code docs/configuration.md}. Each connector owns the
 * part of the file between its two marker comments, so the reference is generated, never edited, and cannot
 * drift from the code; each connector's test fails when its section is stale.
 */
public final class ConfigReferenceWriter {

    private ConfigReferenceWriter() {
    }

    /** The Markdown of one connector: a {@code ##} heading, an introduction, a {@code ###} heading per group. */
    public static String render(String heading, String intro, ConfigDef def) {
        StringBuilder out = new StringBuilder().append("## ").append(heading).append("\n\n").append(intro).append("\n");
        for (String group : def.groups()) {
            out.append("\n### ").append(group).append("\n");
            keysOf(def, group).forEach(key -> appendKey(out, key));
        }
        return out.toString();
    }

    /** The text between the markers of {@code section} in {@code document}; empty when the markers are missing. */
    public static String section(String document, String section) {
        int begin = document.indexOf(begin(section));
        int end = document.indexOf(end(section));
        if (begin < 0 || end < begin) {
            return "";
        }
        return document.substring(begin + begin(section).length(), end);
    }

    /** Replaces the section's text in {@code file}, appending the section with its markers if it is not there. */
    public static void writeSection(Path file, String section, String rendered) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String marked = begin(section) + "\n" + rendered + end(section);
        int begin = document.indexOf(begin(section));
        int end = document.indexOf(end(section));
        String updated = begin < 0 || end < begin
                ? document + (document.isEmpty() || document.endsWith("\n\n") ? "" : "\n") + marked + "\n"
                : document.substring(0, begin) + marked + document.substring(end + end(section).length());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    /** What {@link #section} returns for a freshly written {@code rendered}. */
    public static String asWritten(String rendered) {
        return "\n" + rendered;
    }

    private static String begin(String section) {
        return "<!-- BEGIN generated " + section + " reference: do not edit -->";
    }

    private static String end(String section) {
        return "<!-- END generated " + section + " reference -->";
    }

    private static List<ConfigKey> keysOf(ConfigDef def, String group) {
        return def.configKeys().values().stream()
                .filter(key -> group.equals(key.group))
                .sorted(Comparator.comparingInt((ConfigKey key) -> key.orderInGroup).thenComparing(key -> key.name))
                .toList();
    }

    private static void appendKey(StringBuilder out, ConfigKey key) {
        out.append("\n#### `").append(key.name).append("`\n\n")
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
