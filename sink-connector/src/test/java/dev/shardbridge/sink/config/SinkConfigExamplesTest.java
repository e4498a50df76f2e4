package dev.shardbridge.sink.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.sink.DynamoDbSinkConnector;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink connector JSON users copy from {@code config/} must be accepted as it is. */
class SinkConfigExamplesTest {

    /** Keys Connect itself reads from a connector config, which the connector's ConfigDef does not define. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("name", "connector.class", "tasks.max", "topics",
            "key.converter", "value.converter", "transforms", "errors.");

    @ParameterizedTest
    @ValueSource(strings = {"sink-emulator.json", "sink-aws.json"})
    void exampleIsAValidSinkConfigWithOnlyKnownKeys(String file) throws IOException {
        Map<String, Object> request = new ObjectMapper().readValue(Path.of("..", "config", file).toFile(),
                new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) request.get("config");
        assertThat(config.get("connector.class")).isEqualTo(DynamoDbSinkConnector.class.getName());

        List<ConfigValue> values = DynamoDbSinkConfig.CONFIG_DEF.validate(config);
        assertThat(values).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
        new DynamoDbSinkConfig(config);
        assertThat(config.keySet()).allSatisfy(key -> assertThat(DynamoDbSinkConfig.CONFIG_DEF.names().contains(key)
                || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)).as(key).isTrue());
    }
}
