package dev.shardbridge.source.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a task's shards travel in its config: Connect task configs are flat string maps, so each shard gets
 * indexed keys rather than one delimited string that a table name could break.
 */
public final class TaskShardsConfig {

    public static final String COUNT_KEY = "task.shards.count";
    private static final String PREFIX = "task.shard.";

    private TaskShardsConfig() {
    }

    public static Map<String, String> encode(List<DiscoveredShard> shards) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(COUNT_KEY, Integer.toString(shards.size()));
        for (int i = 0; i < shards.size(); i++) {
            DiscoveredShard shard = shards.get(i);
            config.put(PREFIX + i + ".table", shard.table());
            config.put(PREFIX + i + ".id", shard.shardId());
            config.put(PREFIX + i + ".parents", String.join(",", shard.parentShardIds()));
        }
        return config;
    }

    public static List<DiscoveredShard> decode(Map<String, String> config) {
        String count = config.get(COUNT_KEY);
        if (count == null) {
            throw new IllegalArgumentException("Task config has no " + COUNT_KEY + "; it was not made by ShardAssignment");
        }
        List<DiscoveredShard> shards = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(count); i++) {
            String parents = required(config, PREFIX + i + ".parents");
            shards.add(new DiscoveredShard(required(config, PREFIX + i + ".table"), required(config, PREFIX + i + ".id"),
                    parents.isEmpty() ? List.of() : Arrays.asList(parents.split(","))));
        }
        return List.copyOf(shards);
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Task config lacks " + key);
        }
        return value;
    }
}
