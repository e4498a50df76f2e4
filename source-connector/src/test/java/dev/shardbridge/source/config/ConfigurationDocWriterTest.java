package dev.shardbridge.source.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDocWriterTest {

    /** Surefire runs in the module directory; the reference lives in the project's docs. */
    private static final Path CHECKED_IN = Path.of("..", "docs", "configuration.md");

    @Test
    void checkedInReferenceMatchesTheConfigDef() throws Exception {
        String generated = ConfigurationDocWriter.render(DynamoDbStreamsSourceConfig.configDef());
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("docs/configuration.md is stale; regenerate it with"
                        + " mvn -B -pl source-connector test-compile exec:java@config-docs")
                .isEqualTo(generated);
    }

    @Test
    void everyKeyIsDocumentedUnderItsGroup() {
        String generated = ConfigurationDocWriter.render(DynamoDbStreamsSourceConfig.configDef());
        DynamoDbStreamsSourceConfig.configDef().names()
                .forEach(name -> assertThat(generated).contains("### `" + name + "`"));
        assertThat(generated.indexOf("## Credentials")).isLessThan(generated.indexOf("### `aws.role.arn`"));
    }

    @Test
    void passwordIsTypedWithoutAValueAndChoicesAreListedAsTyped() {
        String generated = ConfigurationDocWriter.render(DynamoDbStreamsSourceConfig.configDef());
        assertThat(generated).contains("| Type | password |").doesNotContain("[hidden]");
        assertThat(generated).contains("| Valid values | one of trim_horizon, latest |");
    }
}
