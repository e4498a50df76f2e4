package dev.shardbridge.source.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.source.DynamoDbStreamsSourceConnector;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector JSON users copy from {@code config/} must be accepted as it is. */
class ConfigExamplesTest {

    /** Keys Connect itself reads from a connector config, which the connector's ConfigDef does not define. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("name", "connector.class", "tasks.max",
            "topic.creation.", "key.converter", "value.converter", "transforms", "errors.", "exactly.once.", "producer.override.");

    @ParameterizedTest
    @ValueSource(strings = {"source-emulator.json", "source-aws.json"})
    void exampleIsAValidSourceConfigWithOnlyKnownKeys(String file) throws IOException {
        Map<String, Object> request = new ObjectMapper().readValue(Path.of("..", "config", file).toFile(),
                new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) request.get("config");
        assertThat(request.get("name")).isInstanceOf(String.class);
        assertThat(config.get("connector.class")).isEqualTo(DynamoDbStreamsSourceConnector.class.getName());

        List<ConfigValue> values = DynamoDbStreamsSourceConfig.configDef().validate(config);
        assertThat(values).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
        new DynamoDbStreamsSourceConfig(config);
        assertThat(config.keySet()).allSatisfy(key -> assertThat(
                DynamoDbStreamsSourceConfig.configDef().names().contains(key)
                        || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)).as(key).isTrue());
    }
}
