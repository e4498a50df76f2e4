package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.cli.EmulatorCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator as a separate {@code java} process, so a test can kill it with SIGKILL: the shaded jar
 * when the package phase built it, else this JVM's class path with the command-line main class.
 */
final class EmulatorProcess implements AutoCloseable {
    private static final Path SHADED_JAR = Path.of("target", "store-emulator.jar");

    private final Process process;
    private final Path output;
    private final int port;

    private EmulatorProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts an emulator with {@code flags} (after {@code --port}) and waits until it answers. */
    static EmulatorProcess start(Path output, List<String> flags) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC"));
        if (Files.exists(SHADED_JAR)) {
            command.addAll(List.of("-jar", SHADED_JAR.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorCommand.class.getName()));
        }
        command.addAll(List.of("--port", Integer.toString(port)));
        command.addAll(flags);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        EmulatorProcess emulator = new EmulatorProcess(process, output, port);
        emulator.awaitHealthy(Duration.ofSeconds(30));
        return emulator;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the process printed, for failure messages. */
    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the emulator did not answer within " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
