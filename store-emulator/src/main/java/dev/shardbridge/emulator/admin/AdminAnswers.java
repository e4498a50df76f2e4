package dev.shardbridge.emulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.stream.ShardStats;

/** Renders the admin API's results (clock, shards) as the JSON the HTTP endpoints answer with. */
final class AdminAnswers {

    private AdminAnswers() {
    }

    static ObjectNode clock(ClockReading reading) {
        return Json.object()
                .put("now", reading.now().toString())
                .put("nowMillis", reading.now().toEpochMilli())
                .put("offsetMillis", reading.offset().toMillis());
    }

    static ObjectNode shards(TableShards table) {
        ObjectNode json = Json.object()
                .put("table", table.table())
                .put("partitions", table.partitions())
                .put("streamArn", table.streamArn())
                .put("openShards", table.openShards());
        ArrayNode shards = json.putArray("shards");
        for (ShardStats stats : table.shards()) {
            shards.addObject()
                    .put("shardId", stats.shardId())
                    .put("parentShardId", stats.parentShardId())
                    .put("open", stats.open())
                    .put("recordsWritten", stats.recordsWritten())
                    .put("recordsRetained", stats.recordsRetained())
                    .put("activeReaders", stats.activeReaders())
                    .put("getRecordsCalls", stats.getRecordsCalls())
                    .put("throttles", stats.throttles());
        }
        return json;
    }

    static ObjectNode partitions(String table, int partitions) {
        return Json.object().put("table", table).put("partitions", partitions);
    }

    static ObjectNode message(String message) {
        return Json.object().put("message", message);
    }
}
