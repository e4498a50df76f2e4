package dev.shardbridge.sink.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target table name for a record: {@code table.name.format} with {@code ${table}} replaced by
 * the source table (from the change event) and {@code ${topic}} by the record's topic.
 *
 * @param format the configured format
 */
public record TableNameFormat(String format) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** DynamoDB table names: 3 to 255 characters of letters, digits, '_', '-' and '.'. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    public TableNameFormat {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("Table name format is empty");
        }
        Matcher placeholders = PLACEHOLDER.matcher(format);
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (!name.equals("table") && !name.equals("topic")) {
                throw new IllegalArgumentException("Unknown placeholder ${" + name + "}; use ${table} or ${topic}");
            }
        }
    }

    /** @throws IllegalArgumentException if the result is not a legal DynamoDB table name */
    public String tableName(String sourceTable, String topic) {
        String name = format.replace("${table}", sourceTable).replace("${topic}", topic);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Table name '" + name + "' (from format '" + format
                    + "') is not a valid DynamoDB table name");
        }
        return name;
    }
}
