package dev.shardbridge.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SinkConfigurationDocWriterTest {

    /** Surefire runs in the module directory; the reference lives in the project's docs. */
    private static final Path CHECKED_IN = Path.of("..", "docs", "configuration-sink.md");

    @Test
    void checkedInReferenceMatchesTheConfigDef() throws Exception {
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("docs/configuration-sink.md is stale; regenerate it with"
                        + " mvn -B -pl sink-connector test-compile exec:java@config-docs")
                .isEqualTo(SinkConfigurationDocWriter.render(DynamoDbSinkConfig.CONFIG_DEF));
    }

    @Test
    void everyKeyIsDocumentedUnderItsGroup() {
        String generated = SinkConfigurationDocWriter.render(DynamoDbSinkConfig.CONFIG_DEF);

        DynamoDbSinkConfig.CONFIG_DEF.names().forEach(name -> assertThat(generated).contains("### `" + name + "`"));
        assertThat(generated.indexOf("## Writes")).isLessThan(generated.indexOf("### `guard.enabled`"));
    }

    @Test
    void theSecretIsTypedWithoutAValue() {
        String generated = SinkConfigurationDocWriter.render(DynamoDbSinkConfig.CONFIG_DEF);

        assertThat(generated).contains("| Type | password |").doesNotContain("[hidden]");
    }
}
