package dev.shardbridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What every system test's Connect worker shares: the built plugin directory as {@code plugin.path}, and the
 * settings of {@code config/connect-distributed.properties} that matter on the test cluster.
 */
final class SystemTestWorker {

    private static final List<String> FROM_CONFIG_FILE = List.of("key.converter", "value.converter",
            "key.converter.schemas.enable", "value.converter.schemas.enable", "offset.flush.interval.ms",
            "plugin.discovery", "config.providers", "config.providers.file.class", "config.providers.env.class");

    private SystemTestWorker() {
    }

    static Path pluginPath() {
        return Path.of(System.getProperty("shardbridge.plugin.path"));
    }

    static String version() {
        return System.getProperty("shardbridge.version");
    }

    static Path configFile(String name) {
        return Path.of(System.getProperty("shardbridge.config.dir"), name);
    }

    static Map<String, String> props() {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(configFile("connect-distributed.properties"))) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>();
        FROM_CONFIG_FILE.forEach(key -> props.put(key, file.getProperty(key)));
        props.put("plugin.path", pluginPath().toString());
        return props;
    }
}
