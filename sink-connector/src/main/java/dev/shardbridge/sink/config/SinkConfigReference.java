package dev.shardbridge.sink.config;

import dev.shardbridge.common.config.ConfigReferenceWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The sink connector's section of {@code docs/configuration.md}, generated from its ConfigDef.
 * Run: {@code mvn -B -pl sink-connector test-compile exec:java@config-docs}.
 */
public final class SinkConfigReference {

    public static final String SECTION = "sink";

    private SinkConfigReference() {
    }

    public static String render() {
        return ConfigReferenceWriter.render("Sink connector: `DynamoDbSinkConnector`",
                "The settings of `dev.shardbridge.sink.DynamoDbSinkConnector`, as `DynamoDbSinkConfig` defines and"
                        + " validates them. Connect's own sink settings (`topics`, `tasks.max`, converters,"
                        + " `errors.tolerance`, `errors.deadletterqueue.*`) apply as usual; the sink reads"
                        + " `errors.tolerance` to decide between the dead-letter queue and failing the task. How the"
                        + " guard works, and how to read a replica, is in"
                        + " [architecture.md](architecture.md#sink-convergence-guard).",
                DynamoDbSinkConfig.CONFIG_DEF);
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        ConfigReferenceWriter.writeSection(target, SECTION, render());
        System.out.println("Wrote the " + SECTION + " section of " + target.toAbsolutePath().normalize());
    }
}
