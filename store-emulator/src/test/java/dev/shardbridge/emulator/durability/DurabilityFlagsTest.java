package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.cli.EmulatorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The standalone server's storage flags, parsed into settings without starting a server. */
class DurabilityFlagsTest {

    @Test
    void withoutADataDirectoryNothingIsKeptOnDisk() {
        assertThat(parse().durability()).isEqualTo(Durability.IN_MEMORY);
        assertThat(parse("--in-memory").durability()).isEqualTo(Durability.IN_MEMORY);
    }

    @Test
    void aDataDirectoryDefaultsToFsyncEveryHundredMilliseconds() {
        assertThat(parse("--data-dir", "/var/lib/emulator").durability())
                .isEqualTo(Durability.inDirectory(Path.of("/var/lib/emulator")));
        assertThat(Durability.inDirectory(Path.of("x")).fsyncInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(Durability.inDirectory(Path.of("x")).fsync()).isEqualTo(FsyncPolicy.INTERVAL);
    }

    @Test
    void everyStorageFlagReachesTheSettings() {
        assertThat(parse("--data-dir", "data", "--fsync", "always", "--fsync-interval", "PT0.5S",
                "--compact-after-bytes", "1048576").durability())
                .isEqualTo(new Durability(Path.of("data"), FsyncPolicy.ALWAYS, Duration.ofMillis(500), 1_048_576));
        assertThat(parse("--data-dir", "data", "--fsync", "INTERVAL").durability().fsync())
                .isEqualTo(FsyncPolicy.INTERVAL);
    }

    @Test
    void conflictingOrBadValuesAreRefusedNamingTheFlag() {
        assertRefused("--data-dir and --in-memory cannot be used together: --in-memory keeps nothing on disk, "
                + "--data-dir keeps everything in data", "--data-dir", "data", "--in-memory");
        assertRefused("--fsync must be 'always' or 'interval', was 'sometimes'", "--data-dir", "data", "--fsync",
                "sometimes");
        assertRefused("--fsync-interval must be a positive duration, was PT0S", "--data-dir", "data",
                "--fsync-interval", "PT0S");
        assertRefused("--compact-after-bytes must be at least 1024, was 10", "--data-dir", "data",
                "--compact-after-bytes", "10");
    }

    private static EmulatorSettings parse(String... args) {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    /** Runs the command as main would; a refused value stops it before any server starts. */
    private static void assertRefused(String message, String... args) {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err)).execute(args);
        assertThat(exitCode).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }
}
