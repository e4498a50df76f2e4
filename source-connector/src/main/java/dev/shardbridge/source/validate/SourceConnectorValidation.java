package dev.shardbridge.source.validate;

import dev.shardbridge.common.config.InconsistentConfigException;
import dev.shardbridge.common.validate.ConfigErrors;
import dev.shardbridge.common.validate.FieldError;
import dev.shardbridge.source.config.DynamoDbStreamsSourceConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;

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
        if (ConfigErrors.hasErrors(basic)) {
            return basic;
        }
        DynamoDbStreamsSourceConfig config;
        try {
            config = new DynamoDbStreamsSourceConfig(props);
        } catch (InconsistentConfigException e) {
            return ConfigErrors.withErrors(basic, List.of(new FieldError(e.key(), e.getMessage())));
        } catch (ConfigException e) {
            // Not expected once ConfigDef passed; still shown, on the form's first field rather than lost.
            return ConfigErrors.withErrors(basic, List.of(new FieldError(TABLES_CONFIG, e.getMessage())));
        }
        return ConfigErrors.withErrors(basic, StoreProbe.check(config));
    }
}
