package dev.shardbridge.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Accepts an empty value or an absolute http(s) URI. The SDK would reject a bad endpoint only when the
 * first client is built, inside a task; checking here turns it into a field error.
 */
public final class EndpointValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(value.toString());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an absolute http:// or https:// URI with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "not a valid URI: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "an http(s) URI, or empty";
    }
}
