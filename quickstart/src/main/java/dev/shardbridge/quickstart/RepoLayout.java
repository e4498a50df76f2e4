package dev.shardbridge.quickstart;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the quickstart finds what the build made: it runs from {@code quickstart/target/quickstart.jar}
 * (or {@code quickstart/target/classes} in tests), so the checkout is two directories up, the plugin
 * directory is {@code connect-plugin/target/shardbridge-<version>} and the connector JSON is in {@code config/}.
 */
record RepoLayout(Path pluginPath, Path configDir) {

    static final String PLUGIN_DIR_PREFIX = "shardbridge-";

    /** The layout around this code's own location; {@code pluginOverride} (may be null) replaces the plugin path. */
    static RepoLayout locate(Path pluginOverride) {
        Path root = checkoutRoot();
        Path plugin = pluginOverride != null ? pluginOverride.toAbsolutePath().normalize() : builtPluginDir(root);
        return new RepoLayout(plugin, root.resolve("config")).checked();
    }

    /** {@code quickstart/target/quickstart.log}: beside the jar, gone with {@code mvn clean}. */
    static Path defaultLogFile() {
        return buildDir().resolve("quickstart.log");
    }

    private static Path checkoutRoot() {
        return buildDir().getParent().getParent();
    }

    /** quickstart/target, the directory holding quickstart.jar (or classes/ in tests). */
    private static Path buildDir() {
        try {
            Path codeSource = Path.of(RepoLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the quickstart runs from", e);
        }
    }

    private static Path builtPluginDir(Path root) {
        String version = Quickstart.class.getPackage().getImplementationVersion();
        Path target = root.resolve("connect-plugin").resolve("target");
        if (version != null) {
            return target.resolve(PLUGIN_DIR_PREFIX + version);
        }
        // Running from classes (tests): the manifest has no version, so take the one plugin directory there.
        try (var dirs = Files.list(target)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith(PLUGIN_DIR_PREFIX))
                    .findFirst().orElse(target.resolve(PLUGIN_DIR_PREFIX + "<version>"));
        } catch (java.io.IOException e) {
            return target.resolve(PLUGIN_DIR_PREFIX + "<version>");
        }
    }

    /** Fails with what to do when the build did not make the plugin or the config directory is elsewhere. */
    RepoLayout checked() {
        if (!Files.isDirectory(pluginPath) || !containsPlugin(pluginPath)) {
            throw new IllegalStateException("No shardbridge Connect plugin at " + pluginPath + ". Build it first with"
                    + " 'mvn -B -q package -DskipTests' in the checkout, or pass --plugin-path <dir> (a directory"
                    + " holding the unzipped shardbridge-<version> plugin).");
        }
        if (!Files.isRegularFile(configDir.resolve("source-emulator.json"))) {
            throw new IllegalStateException("No connector JSON at " + configDir + ": run the quickstart from a"
                    + " shardbridge checkout (java -jar quickstart/target/quickstart.jar).");
        }
        return this;
    }

    private static boolean containsPlugin(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry.resolve("manifest.json"))
                    || entry.getFileName().toString().endsWith(".jar"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
