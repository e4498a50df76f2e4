package dev.shardbridge.quickstart;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One quickstart run: the local stack, the table with existing items, both connectors from config/ JSON (the
 * source snapshots the existing items while it streams the changes), three consumer groups, the workload with a
 * split midway, live progress, then the checks and the summary.
 */
final class DemoRun {
    static final String SOURCE_JSON = "source-emulator.json";
    static final String SINK_JSON = "sink-emulator.json";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

    record Options(int existing, int records, int rate, int partitions, boolean keepRunning, LocalStack.Ports ports,
                   Path pluginPath) {
    }

    private final Options options;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile LocalStack stack;
    private volatile Path runDir;
    private volatile boolean stopRequested;

    DemoRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() throws IOException, InterruptedException {
        Instant start = Instant.now();
        RepoLayout layout = RepoLayout.locate(options.pluginPath());
        runDir = Files.createTempDirectory("shardbridge-quickstart-");
        out.printf("Starting the store emulator (:%d), a KRaft Kafka broker (:%d) and a Connect worker (:%d)%n"
                        + "  plugin.path %s%n  data in %s%n", options.ports().emulator(), options.ports().kafka(),
                options.ports().connect(), layout.pluginPath(), runDir);
        try (LocalStack started = LocalStack.start(options.ports(), layout, runDir)) {
            stack = started;
            Duration startup = Duration.between(start, Instant.now());
            out.printf("Stack up in %.1f s%n", startup.toMillis() / 1000.0);
            RunReport report = demo(started, layout, start, startup);
            report.print(out);
            if (options.keepRunning()) {
                printHowToLook(started);
                stopped.await();
            }
            return report.exitCode();
        } finally {
            stack = null;
            LocalStack.deleteDirectory(runDir);
        }
    }

    /** Stops a running demo from another thread (the Ctrl-C hook); returns when everything has stopped. */
    void stop() {
        stopRequested = true;
        LocalStack running = stack;
        if (running != null) {
            running.close();
        }
        Path dir = runDir;
        if (dir != null) {
            LocalStack.deleteDirectory(dir); // the JVM ends after this hook; run()'s own cleanup may never come
        }
        stopped.countDown();
    }

    /** True once {@link #stop()} was called: failures after that are the stack going away, not findings. */
    boolean stopRequested() {
        return stopRequested;
    }

    private RunReport demo(LocalStack stack, RepoLayout layout, Instant start, Duration startup)
            throws IOException, InterruptedException {
        DynamoDbClient client = stack.register(client(stack));
        ParcelTable.create(client, stack.emulator().admin(), options.partitions());
        out.printf("Created table %s on %d partitions%n", ParcelTable.NAME, options.partitions());
        ExistingScans existing = seed(client);
        ParcelTable.enableStream(client);
        out.println("Enabled its NEW_AND_OLD_IMAGES stream: the existing scans are in the table, not in the stream");

        ConnectRest rest = new ConnectRest(stack.connectUrl());
        new PluginCheck(rest).requireFromPluginPath();
        out.println("The worker loaded both connectors from plugin.path (they are not on this JVM's classpath)");
        // The readers join their groups while Connect rebalances for the connectors: both take seconds.
        AggregatorReader aggregator = stack.register(new AggregatorReader(stack.bootstrapServers()));
        TablestoreTriggerReader trigger = stack.register(new TablestoreTriggerReader(stack.bootstrapServers()));
        aggregator.start();
        trigger.start();
        ConnectorDeployment source = submit(rest, layout.configDir().resolve(SOURCE_JSON), stack);
        ConnectorDeployment sink = submit(rest, layout.configDir().resolve(SINK_JSON), stack);
        source.awaitRunning(rest, DEPLOY_TIMEOUT);
        Instant sourceRunning = Instant.now();
        sink.awaitRunning(rest, DEPLOY_TIMEOUT);
        out.printf("Connectors %s and %s running%n", source.name(), sink.name());
        FirstReplicaWatch firstReplica = stack.register(new FirstReplicaWatch(client, ParcelTable.REPLICA)).start();
        PipelineOffsets offsets = stack.register(new PipelineOffsets(stack.bootstrapServers(), ParcelTable.NAME));
        out.printf("Consumer groups: connect-%s (sink into %s), %s, %s%n", sink.name(), ParcelTable.REPLICA,
                AggregatorReader.GROUP, TablestoreTriggerReader.GROUP);

        WorkloadCounts counts = new WorkloadCounts();
        ProgressMonitor progress = stack.register(new ProgressMonitor(new PipelineSampler(offsets, counts,
                options.records(), source.tombstonesOnDelete(), "connect-" + sink.name(), existing.items(),
                new SnapshotProgressReader(rest, source, ParcelTable.NAME), aggregator.tally(), start), out)).start();
        int[] partitionsAfterSplit = {options.partitions()};
        Instant writesStarted = Instant.now();
        ScanWorkload.run(client, counts, options.records(), options.rate(), existing,
                () -> partitionsAfterSplit[0] = stack.emulator().admin().splitPartition(ParcelTable.NAME, 0));
        long writeMillis = Math.max(1, Duration.between(writesStarted, Instant.now()).toMillis());
        double rate = counts.written() * 1000.0 / writeMillis;
        boolean caughtUp = progress.awaitCaughtUp(CATCH_UP_TIMEOUT);
        Progress last = progress.latest();
        progress.close();

        out.println("Verifying the replica against the source and the aggregate against a recount...");
        var sourceItems = TableContents.scan(client, ParcelTable.NAME);
        ReplicaComparison replica = ReplicaComparison.compare(sourceItems, replicaItems(client),
                List.of(ParcelScan.PARCEL_ID, ParcelScan.SCAN_SEQ), hiddenAttributes(sink));
        List<String> readerFailures = new ArrayList<>();
        for (GroupReader reader : List.of(aggregator, trigger)) {
            reader.failure().ifPresent(e -> readerFailures.add("consumer group " + reader.group() + " stopped: " + e));
        }
        Optional<ProgressMonitor.SnapshotCompletion> snapshotDone = progress.snapshotCompletion();
        return new RunReport(
                new RunReport.SnapshotSummary(existing.items(), last.snapshot(),
                        snapshotDone.map(done -> done.elapsed().minus(Duration.between(start, sourceRunning))),
                        snapshotDone.map(ProgressMonitor.SnapshotCompletion::writesBefore).orElse(counts.written())),
                new RunReport.WorkloadSummary(counts.inserts(), counts.updates(), counts.deletes(), rate,
                        options.partitions(), partitionsAfterSplit[0]),
                last, caughtUp, aggregator.tally(), replica, aggregator.aggregate().inTransitByCity(), InTransitRecount.of(sourceItems),
                trigger.tally(), readerFailures,
                new RunReport.Timings(startup, firstReplica.sinceStart(start), Duration.between(start, Instant.now())));
    }

    /** Writes the items the table holds before the connectors come; the stream is not on yet. */
    private ExistingScans seed(DynamoDbClient client) throws InterruptedException {
        Instant started = Instant.now();
        ExistingScans existing = ExistingScans.seed(client, options.existing());
        out.printf("Wrote %,d existing parcel scans (%,d parcels, %,d in transit) with BatchWriteItem in %.1f s%n",
                existing.items(), existing.parcels(), existing.parcelsInTransit(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return existing;
    }

    private ConnectorDeployment submit(ConnectRest rest, Path json, LocalStack stack)
            throws IOException, InterruptedException {
        ConnectorDeployment connector = ConnectorDeployment.fromFile(json, stack.emulator().endpoint());
        connector.submit(rest, DEPLOY_TIMEOUT);
        out.printf("Deployed %s from config/%s through %s/connectors%n", connector.name(), json.getFileName(),
                stack.connectUrl());
        return connector;
    }

    private static List<Map<String, AttributeValue>> replicaItems(DynamoDbClient client) {
        try {
            return TableContents.scan(client, ParcelTable.REPLICA);
        } catch (ResourceNotFoundException neverCreated) {
            return List.of();
        }
    }

    private static ReplicaComparison.HiddenAttributes hiddenAttributes(ConnectorDeployment sink) {
        ReplicaComparison.HiddenAttributes defaults = ReplicaComparison.HiddenAttributes.DEFAULTS;
        return new ReplicaComparison.HiddenAttributes(
                sink.config().getOrDefault("version.attribute.name", defaults.version()),
                sink.config().getOrDefault("tombstone.attribute.name", defaults.deleted()));
    }

    private static DynamoDbClient client(LocalStack stack) {
        return DynamoDbClient.builder()
                .endpointOverride(stack.emulator().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private void printHowToLook(LocalStack stack) {
        String endpoint = stack.emulator().endpoint().toString();
        out.printf("%nThe stack stays up until Ctrl-C. Look at it (the emulator takes any credentials):%n"
                        + "  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1%n"
                        + "  aws dynamodb scan --table-name %s --max-items 3 --endpoint-url %s%n"
                        + "  aws dynamodbstreams describe-stream --endpoint-url %s --stream-arn \\%n"
                        + "      $(aws dynamodb describe-table --table-name %s --query Table.LatestStreamArn"
                        + " --output text --endpoint-url %s)%n"
                        + "  kcat -b %s -L -t %s%n"
                        + "  kcat -b %s -C -t %s -o beginning -c 3 -f 'key %%k\\nvalue %%s\\n\\n'%n"
                        + "  curl -s %s/connectors?expand=status%n",
                ParcelTable.REPLICA, endpoint, endpoint, ParcelTable.NAME, endpoint, stack.bootstrapServers(),
                ParcelTable.NAME, stack.bootstrapServers(), ParcelTable.NAME, stack.connectUrl());
    }
}
