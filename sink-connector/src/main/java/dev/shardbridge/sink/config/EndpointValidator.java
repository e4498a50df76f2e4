package dev.shardbridge.sink.config;

import java.net.URI;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts empty (no override) or an absolute http/https URL. */
final class EndpointValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        String endpoint = value == null ? "" : value.toString().trim();
        if (endpoint.isEmpty()) {
            return;
        }
        try {
            URI uri = URI.create(endpoint);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(name, value, "expected an http:// or https:// URL with a host");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "not a URL: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "empty, or an http(s) URL";
    }
}

