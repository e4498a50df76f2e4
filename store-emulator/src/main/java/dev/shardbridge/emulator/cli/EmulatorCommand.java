package dev.shardbridge.emulator.cli;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import dev.shardbridge.emulator.table.ServiceIdentity;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The standalone server: {@code java -jar store-emulator.jar --port 8000 --in-memory}. */
@Command(name = "store-emulator", mixinStandardHelpOptions = true, version = "shardbridge store emulator 0.1.0",
        description = "A DynamoDB-compatible server (JSON 1.0 wire protocol) for local development and tests.",
        sortOptions = false)
public final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = "--host", description = "Address to bind; 0.0.0.0 for all interfaces (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--in-memory", description = "Keep all data in memory; it is gone when the server stops. "
            + "This is the only storage mode of this version.")
    boolean inMemory = true;

    @Option(names = "--region", description = "Region used in ARNs and health answers (default: ${DEFAULT-VALUE}).")
    String region = ServiceIdentity.DEFAULT.region();

    @Option(names = "--account-id", description = "Account id used in ARNs (default: ${DEFAULT-VALUE}).")
    String accountId = ServiceIdentity.DEFAULT.accountId();

    @Option(names = "--worker-threads", description = "Threads that run operations (default: ${DEFAULT-VALUE}).")
    int workerThreads = EmulatorSettings.defaults().workerThreads();

    public static void main(String[] args) {
        // The standalone server brings its own logging setup, under a name no embedder will pick up.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "store-emulator-log4j2.xml");
        }
        System.exit(new CommandLine(new EmulatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!accountId.matches("\\d{12}")) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--account-id must be twelve digits, was '" + accountId + "'");
        }
        EmulatorSettings settings = EmulatorSettings.defaults().withHost(host).withPort(port)
                .withIdentity(new ServiceIdentity(region, accountId)).withWorkerThreads(workerThreads);
        StoreEmulator emulator = StoreEmulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        Logger log = LoggerFactory.getLogger(EmulatorCommand.class);
        log.info("shardbridge store emulator listening on {}:{} (in-memory, region {})", host, emulator.port(), region);
        stopped.await();
        return 0;
    }
}
