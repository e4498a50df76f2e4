package dev.shardbridge.source.validate;

import dev.shardbridge.common.config.InconsistentConfigException;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.shardbridge.source.config.DynamoDbStreamsSourceConfig.TABLES_CONFIG;

/**
 * The source connector's {@code validate()} beyond what ConfigDef can check: problems between keys, and
 * what the store says about endpoint, credentials, tables and streams, each as an error on the field a
 * user has to change. Connect shows them in its REST answer instead of a task failing later.
 */
public final class SourceConnectorValidation {

    private SourceConnectorValidation() {
    }

    /**
     * basic = the result of Connector.validate's ConfigDef pass (super.validate(props)). Returns basic plus
     * field errors; basic itself, untouched and without any call to the store, when it has errors already.
     */
    public static Config validate(Config basic, Map<String, String> props) {
        // Field errors first: a store check with a malformed setting would only report the same thing worse.
        if (hasErrors(basic)) {
            return basic;
        }
        DynamoDbStreamsSourceConfig config;
        try {
            config = new DynamoDbStreamsSourceConfig(props);
        } catch (InconsistentConfigException e) {
            return withErrors(basic, List.of(new FieldError(e.key(), e.getMessage())));
        } catch (ConfigException e) {
            // Not expected once ConfigDef passed; still shown, on the form's first field rather than lost.
            return withErrors(basic, List.of(new FieldError(TABLES_CONFIG, e.getMessage())));
        }
        return withErrors(basic, StoreProbe.check(config));
    }

    private static boolean hasErrors(Config config) {
        return config.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty());
    }

    /** Copies rather than mutates: the caller's Config stays what its ConfigDef pass returned. */
    private static Config withErrors(Config basic, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return basic;
        }
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue value : basic.configValues()) {
            ConfigValue copy = new ConfigValue(value.name(), value.value(), value.recommendedValues(),
                    new ArrayList<>(value.errorMessages()));
            copy.visible(value.visible());
            values.put(value.name(), copy);
        }
        for (FieldError error : errors) {
            values.computeIfAbsent(error.key(), ConfigValue::new).addErrorMessage(error.message());
        }
        return new Config(new ArrayList<>(values.values()));
    }
}
