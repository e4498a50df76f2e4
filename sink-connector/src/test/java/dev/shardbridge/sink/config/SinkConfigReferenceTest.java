package dev.shardbridge.sink.config;

import dev.shardbridge.common.config.ConfigReferenceWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SinkConfigReferenceTest {

    /** Surefire runs in the module directory; the reference lives in the project's docs. */
    private static final Path CHECKED_IN = Path.of("..", "docs", "configuration.md");

    @Test
    void checkedInReferenceMatchesTheConfigDef() throws Exception {
        String document = Files.readString(CHECKED_IN, StandardCharsets.UTF_8);
        assertThat(ConfigReferenceWriter.section(document, SinkConfigReference.SECTION))
                .as("the sink section of docs/configuration.md is stale; regenerate it with"
                        + " mvn -B -pl sink-connector test-compile exec:java@config-docs")
                .isEqualTo(ConfigReferenceWriter.asWritten(SinkConfigReference.render()));
    }

    @Test
    void everyKeyIsDocumentedUnderItsGroup() {
        String generated = SinkConfigReference.render();
        DynamoDbSinkConfig.CONFIG_DEF.names().forEach(name -> assertThat(generated).contains("#### `" + name + "`"));
        assertThat(generated.indexOf("### Writes")).isLessThan(generated.indexOf("#### `guard.enabled`"));
    }

    @Test
    void theSecretIsTypedWithoutAValue() {
        assertThat(SinkConfigReference.render()).contains("| Type | password |").doesNotContain("[hidden]");
    }
}
