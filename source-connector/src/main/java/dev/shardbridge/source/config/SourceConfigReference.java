package dev.shardbridge.source.config;

import dev.shardbridge.common.config.ConfigReferenceWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The source connector's section of {@code docs/configuration.md}, generated from its ConfigDef.
 * Run: {@code mvn -B -pl source-connector test-compile exec:java@config-docs}.
 */
public final class SourceConfigReference {

    public static final String SECTION = "source";

    private SourceConfigReference() {
    }

    public static String render() {
        return ConfigReferenceWriter.render("Source connector: `DynamoDbStreamsSourceConnector`",
                "The settings of the DynamoDB Streams source connector, as `DynamoDbStreamsSourceConfig` defines and"
                        + " validates them; `validate()` also checks the tables, their streams, the endpoint and the"
                        + " credentials against the store.",
                DynamoDbStreamsSourceConfig.configDef());
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        ConfigReferenceWriter.writeSection(target, SECTION, render());
        System.out.println("Wrote the " + SECTION + " section of " + target.toAbsolutePath().normalize());
    }
}
