package dev.shardbridge.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.fault.FaultKind;
import dev.shardbridge.emulator.fault.FaultRule;
import dev.shardbridge.emulator.fault.FaultRuleStatus;
import dev.shardbridge.emulator.operation.Json;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Fault rules as the admin API reads and writes them. Absent scope fields (or null) mean "any". */
final class FaultRuleJson {
    static final Set<String> FIELDS =
            Set.of("kind", "operation", "table", "shard", "rate", "maxCount", "latencyMillis", "seed");

    private FaultRuleJson() {
    }

    static FaultRule read(AdminBody body) {
        body.allowOnly(FIELDS);
        FaultKind kind = kind(body.text("kind"));
        Double rate = body.number("rate");
        Long maxCount = body.integer("maxCount");
        Long latencyMillis = body.integer("latencyMillis");
        if (kind == FaultKind.LATENCY && latencyMillis == null) {
            throw AdminException.badRequest("'latencyMillis' is required for LATENCY rules, e.g. 200");
        }
        try {
            return new FaultRule(kind, body.text("operation"), body.text("table"), body.text("shard"),
                    rate == null ? 1.0 : rate, maxCount == null ? 0 : maxCount,
                    latencyMillis == null ? null : Duration.ofMillis(latencyMillis), body.integer("seed"));
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    static ObjectNode write(FaultRuleStatus status) {
        FaultRule rule = status.rule();
        ObjectNode json = Json.object()
                .put("id", status.id())
                .put("kind", rule.kind().name())
                .put("operation", rule.operation())
                .put("table", rule.table())
                .put("shard", rule.shard())
                .put("rate", rule.rate());
        if (rule.maxCount() > 0) {
            json.put("maxCount", rule.maxCount());
        } else {
            json.putNull("maxCount");
        }
        if (rule.kind() == FaultKind.LATENCY) {
            json.put("latencyMillis", rule.latency().toMillis());
        }
        return json.put("seed", status.seed())
                .put("hits", status.hits())
                .put("exhausted", status.exhausted());
    }

    private static FaultKind kind(String text) {
        if (text == null) {
            throw AdminException.badRequest("'kind' is required; one of " + kindNames());
        }
        try {
            return FaultKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest("unknown fault kind '" + text + "'; one of " + kindNames());
        }
    }

    private static String kindNames() {
        return Arrays.toString(FaultKind.values());
    }
}
