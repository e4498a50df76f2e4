package dev.shardbridge.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.cli.EmulatorCommand;
import dev.shardbridge.emulator.stream.StreamSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The standalone server's stream flags, parsed into settings without starting a server. (Kept beside
 * the admin tests: these flags and the admin API shape the same stream behaviour.)
 */
class StreamFlagsTest {

    @Test
    void withoutFlagsTheStreamsBehaveAsAwsDoes() {
        assertThat(parse().streams()).isEqualTo(StreamSettings.AWS);
    }

    @Test
    void everyStreamFlagReachesTheSettings() {
        StreamSettings streams = parse("--partitions", "8", "--rollover-period", "PT30M", "--retention", "P2D",
                "--max-readers-per-shard", "1", "--split-writes-per-second", "500", "--split-bytes", "1048576")
                .streams();

        assertThat(streams).isEqualTo(new StreamSettings(8, Duration.ofMinutes(30), Duration.ofDays(2), 1,
                StreamSettings.AWS.readerWindow(), StreamSettings.AWS.iteratorLifetime(), 500, 1_048_576));
    }

    @Test
    void badValuesAreRefusedNamingTheFlag() {
        assertRefused("--partitions must be 1..1024, was 0", "--partitions", "0");
        assertRefused("--partitions must be 1..1024, was 2000", "--partitions", "2000");
        assertRefused("Invalid value for option '--partitions': 'many' is not an int", "--partitions", "many");
        assertRefused("Invalid value for option '--rollover-period': '4h' is not an ISO-8601 duration such as PT4H, "
                + "PT30M or P1D", "--rollover-period", "4h");
        assertRefused("--rollover-period must be a positive duration, was PT0S", "--rollover-period", "PT0S");
        assertRefused("--retention must be a positive duration, was PT-1H", "--retention", "PT-1H");
        assertRefused("--max-readers-per-shard must be at least 1, was 0", "--max-readers-per-shard", "0");
        assertRefused("--split-writes-per-second must be 0 (never) or more, was -5", "--split-writes-per-second",
                "-5");
        assertRefused("--split-bytes must be 0 (never) or more, was -1", "--split-bytes", "-1");
    }

    private static dev.shardbridge.emulator.EmulatorSettings parse(String... args) {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    /** Runs the command as main would; a refused value stops it before any server starts. */
    private static void assertRefused(String message, String... args) {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err)).execute(args);

        assertThat(exitCode).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).startsWith(message + System.lineSeparator());
    }
}
