package dev.shardbridge.sink.client;

import dev.shardbridge.common.aws.AwsClients;
import dev.shardbridge.common.validate.StoreAccessCheck;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/**
 * Builds the DynamoDB clients of the sink from its config: endpoint, region and credentials come from the
 * shared {@link AwsClients}; the sink adds its connection pool and turns the SDK's retries off. Closing this
 * releases what the credentials provider holds; each client is closed by its user.
 */
public final class TargetClients implements AutoCloseable {

    /** The pool never starves the task's writers: one connection per in-flight request, plus spare. */
    private static final int SPARE_CONNECTIONS = 4;
    private static final Duration VALIDATION_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbSinkConfig config;
    private final AwsClients clients;

    public TargetClients(DynamoDbSinkConfig config) {
        this.config = config;
        this.clients = new AwsClients(config.awsAccess());
    }

    /** The task's client: no SDK retries, a connection per in-flight request. */
    public DynamoDbClient create() {
        return clients.configure(DynamoDbClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(config.maxInFlightRequests() + SPARE_CONNECTIONS))
                // The sink retries with its own bounded policy and error classification, so the SDK must
                // not retry underneath it and multiply the attempts.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    /** A client for {@code validate()}: short timeouts, so a wrong endpoint answers within seconds. */
    public DynamoDbClient createForValidation() {
        return clients.configure(DynamoDbClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(VALIDATION_CONNECT_TIMEOUT)
                        .socketTimeout(StoreAccessCheck.CALL_TIMEOUT))
                .overrideConfiguration(StoreAccessCheck.quickCalls())
                .build();
    }

    @Override
    public void close() {
        clients.close();
    }
}
