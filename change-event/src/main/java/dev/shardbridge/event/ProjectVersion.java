package dev.shardbridge.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version, as Maven wrote it into {@code version.properties}. Connect shows plugin
 * versions in its REST API and KIP-891 lets users pin them, so every plugin here reports it.
 */
public final class ProjectVersion {

    private static final String VERSION = load();

    private ProjectVersion() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read version.properties", e);
        }
    }
}
