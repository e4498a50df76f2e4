package dev.shardbridge.source.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * How many records a topic holds, from its partitions' end offsets: one cheap metadata call instead of consuming
 * hundreds of megabytes. Valid because the benchmark's topics start empty and are never compacted or trimmed.
 */
final class TopicCount {

    /**
     * What a wait for a count saw: when records were first seen and how many there were by then (the count is
     * sampled), and when the awaited count was there.
     */
    record Progress(long firstRecordNanos, long countAtFirst, long reachedNanos) {
    }

    private final Admin admin;
    private final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();

    TopicCount(Admin admin, String topic, int partitions) {
        this.admin = admin;
        IntStream.range(0, partitions).forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
    }

    long records() throws ExecutionException, InterruptedException {
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /**
     * Polls every {@code interval} until the topic holds {@code count} records or {@code timeout} passes;
     * {@code onFirstRecord} runs as soon as any record is seen.
     */
    Progress await(long count, Duration interval, Duration timeout, Runnable onFirstRecord)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = -1;
        long countAtFirst = 0;
        while (true) {
            long seen = records();
            long now = System.nanoTime();
            if (seen > 0 && first < 0) {
                first = now;
                countAtFirst = seen;
                onFirstRecord.run();
            }
            if (seen >= count) {
                return new Progress(first, countAtFirst, now);
            }
            if (now - deadline > 0) {
                throw new IllegalStateException("Only " + seen + " of " + count + " records arrived within " + timeout);
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
