package dev.shardbridge.quickstart;

import dev.shardbridge.emulator.EmulatorSettings;
import dev.shardbridge.emulator.StoreEmulator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The README's first command: starts the store emulator and runs a smoke workload against it through
 * the AWS SDK, then verifies what it reads back. Grows into the full Kafka Connect demo.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts the shardbridge store emulator and runs a parcel-scan workload against it.")
public final class Quickstart implements Callable<Integer> {

    @Option(names = "--port", description = "Emulator port (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = "--parcels", description = "Parcels to write, 8 scans each (default: ${DEFAULT-VALUE}).")
    int parcels = 2000;

    @Option(names = "--keep-running", description = "Leave the emulator up after the workload, until Ctrl-C.")
    boolean keepRunning;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Quickstart()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (parcels < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--parcels must be at least 1");
        }
        try (StoreEmulator emulator = StoreEmulator.start(EmulatorSettings.defaults().withPort(port));
             DynamoDbClient client = client(emulator)) {
            System.out.printf("store emulator listening on %s%n", emulator.endpoint());
            boolean passed = new SmokeWorkload(client, System.out).run(parcels);
            System.out.println(passed ? "smoke workload PASSED" : "smoke workload FAILED: read-back mismatch");
            if (keepRunning) {
                printHowToLook(emulator);
                awaitCtrlC();
            }
            return passed ? 0 : 1;
        }
    }

    private static DynamoDbClient client(StoreEmulator emulator) {
        return DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(8))
                .build();
    }

    private static void printHowToLook(StoreEmulator emulator) {
        System.out.printf("%nThe emulator stays up; look at it with the AWS CLI (any credentials work):%n"
                + "  aws dynamodb describe-table --table-name %s --endpoint-url %s%n"
                + "  aws dynamodb scan --table-name %s --max-items 5 --endpoint-url %s%n"
                + "Press Ctrl-C to stop.%n", SmokeWorkload.TABLE, emulator.endpoint(), SmokeWorkload.TABLE,
                emulator.endpoint());
    }

    private static void awaitCtrlC() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "quickstart-stop"));
        stop.await();
    }
}
