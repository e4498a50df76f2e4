package dev.shardbridge.source.config;

import dev.shardbridge.common.config.ConfigReferenceWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SourceConfigReferenceTest {

    /** Surefire runs in the module directory; the reference lives in the project's docs. */
    private static final Path CHECKED_IN = Path.of("..", "docs", "configuration.md");

    @Test
    void checkedInReferenceMatchesTheConfigDef() throws Exception {
        String document = Files.readString(CHECKED_IN, StandardCharsets.UTF_8);
        assertThat(ConfigReferenceWriter.section(document, SourceConfigReference.SECTION))
                .as("the source section of docs/configuration.md is stale; regenerate it with"
                        + " mvn -B -pl source-connector test-compile exec:java@config-docs")
                .isEqualTo(ConfigReferenceWriter.asWritten(SourceConfigReference.render()));
    }

    @Test
    void everyKeyIsDocumentedUnderItsGroup() {
        String generated = SourceConfigReference.render();
        DynamoDbStreamsSourceConfig.configDef().names()
                .forEach(name -> assertThat(generated).contains("#### `" + name + "`"));
        assertThat(generated.indexOf("### Credentials")).isLessThan(generated.indexOf("#### `aws.role.arn`"));
    }

    @Test
    void passwordIsTypedWithoutAValueAndChoicesAreListedAsTyped() {
        String generated = SourceConfigReference.render();
        assertThat(generated).contains("| Type | password |").doesNotContain("[hidden]");
        assertThat(generated).contains("| Valid values | one of trim_horizon, latest, snapshot |");
    }
}
