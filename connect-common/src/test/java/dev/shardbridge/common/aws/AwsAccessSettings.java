package dev.shardbridge.common.aws;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.util.HashMap;
import java.util.Map;

/** {@link AwsAccess} from key-value pairs, read the way a connector's config class reads them. */
final class AwsAccessSettings {

    private AwsAccessSettings() {
    }

    static AwsAccess of(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        AwsAccess access = AwsAccessConfig.read(new AbstractConfig(AwsAccessConfig.define(new ConfigDef(), "test"), props));
        access.checkConsistent();
        return access;
    }
}
