package dev.shardbridge.quickstart;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions along the pipeline, read from the broker as an operator would: the change topic's end offsets
 * (what the source has captured) and each consumer group's committed offsets (what it has processed),
 * all in Kafka records summed over the topic's partitions.
 */
final class PipelineOffsets implements AutoCloseable {
    private final Admin admin;
    private final String topic;
    private List<TopicPartition> partitions = List.of();

    PipelineOffsets(String bootstrapServers, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "quickstart-progress"));
        this.topic = topic;
    }

    /** Records in the change topic; 0 until the source has created it. */
    long topicEnd() throws InterruptedException {
        if (!knowPartitions()) {
            return 0;
        }
        try {
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException e) {
            return 0;
        }
    }

    /** Records of the change topic the group has committed as processed. */
    long committed(String group) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        } catch (ExecutionException e) {
            return 0;
        }
    }

    private boolean knowPartitions() throws InterruptedException {
        if (!partitions.isEmpty()) {
            return true;
        }
        try {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            partitions = IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
            return true;
        } catch (ExecutionException notYetCreated) {
            return false; // asked again on the next sample
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
