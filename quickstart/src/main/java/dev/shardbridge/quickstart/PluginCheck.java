package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes sure the worker loaded both connectors from {@code plugin.path}: they must be listed by the worker, and
 * must not be loadable from the quickstart's own classpath (which only has the change-event classes the
 * Tablestore-trigger reader uses), so the worker can only have found them in the plugin directory, isolated.
 */
final class PluginCheck {
    static final List<String> CONNECTORS = List.of("dev.shardbridge.source.DynamoDbStreamsSourceConnector",
            "dev.shardbridge.sink.DynamoDbSinkConnector");

    private final ConnectRest rest;

    PluginCheck(ConnectRest rest) {
        this.rest = rest;
    }

    void requireFromPluginPath() throws IOException, InterruptedException {
        ConnectRest.Response plugins = rest.plugins();
        Set<String> listed = new HashSet<>();
        for (JsonNode plugin : plugins.body()) {
            listed.add(plugin.path("class").asText());
        }
        for (String connector : CONNECTORS) {
            if (!listed.contains(connector)) {
                throw new IllegalStateException("The Connect worker found no " + connector + " in plugin.path;"
                        + " rebuild the plugin (mvn -B -q package -DskipTests) or check --plugin-path.");
            }
            if (onOwnClasspath(connector)) {
                throw new IllegalStateException(connector + " is on the quickstart's classpath, so the worker may"
                        + " not have loaded it from plugin.path; the quickstart jar must not bundle connectors.");
            }
        }
    }

    private static boolean onOwnClasspath(String className) {
        return PluginCheck.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }
}
