package dev.shardbridge.sink;

import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.sink.config.DynamoDbSinkConfig;
import dev.shardbridge.sink.validation.TargetChecks;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Replays change events from Kafka into DynamoDB tables so each replica converges to its source
 * (see {@link DynamoDbSinkTask} and {@code docs/architecture.md}). Every task takes the same config:
 * Connect's consumer group spreads the topic partitions over them.
 */
public class DynamoDbSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new DynamoDbSinkConfig(props); // fail at start on a config validate() was not asked about
        // The tasks get everything, including Connect's errors.* settings they decide on.
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DynamoDbSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        // No resources: the connector itself talks to DynamoDB only in validate().
    }

    @Override
    public ConfigDef config() {
        return DynamoDbSinkConfig.CONFIG_DEF;
    }

    /** Field errors for settings that look right but cannot work: see {@link TargetChecks}. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return TargetChecks.validate(super.validate(connectorConfigs), connectorConfigs);
    }
}
