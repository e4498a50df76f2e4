package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs a step against one server and answers its normalised result. */
final class StepExecutor {
    /** A runaway pagination (a server that never stops answering LastEvaluatedKey) must end. */
    private static final int MAX_PAGES = 1000;

    private StepExecutor() {
    }

    static ObjectNode run(JsonApiClient client, Step step) {
        return switch (step.mode()) {
            case ALL_PAGES -> ResponseNormaliser.normalise(allPages(client, step.operation(), step.request()), true);
            case ALL_SEGMENTS -> allSegments(client, step);
            case UNORDERED, EXACT -> ResponseNormaliser.normalise(client.call(step.operation(), step.request()),
                    step.mode() == Step.ReadMode.UNORDERED);
        };
    }

    /** Reads segments 0 to TotalSegments - 1, each to its end, and answers the union and the totals. */
    private static ObjectNode allSegments(JsonApiClient client, Step step) {
        int totalSegments = step.request().path("TotalSegments").asInt();
        ArrayNode items = JsonApiClient.MAPPER.createArrayNode();
        long count = 0;
        long scanned = 0;
        for (int segment = 0; segment < totalSegments; segment++) {
            ObjectNode request = step.request().deepCopy().put("Segment", segment);
            JsonApiClient.Answer answer = allPages(client, step.operation(), request);
            if (answer.isError()) {
                return ResponseNormaliser.normalise(answer, false);
            }
            answer.body().path("Items").forEach(items::add);
            count += answer.body().path("Count").asLong();
            scanned += answer.body().path("ScannedCount").asLong();
        }
        ObjectNode result = JsonApiClient.MAPPER.createObjectNode();
        result.set("Items", items);
        result.put("Count", count).put("ScannedCount", scanned);
        return ResponseNormaliser.normalise(new JsonApiClient.Answer(200, result), true);
    }

    /**
     * Reads every page and answers {@code {Items, Count, ScannedCount, Pages}}, or the first error: page
     * boundaries depend on each server's item order, the union and the totals do not.
     */
    private static JsonApiClient.Answer allPages(JsonApiClient client, String operation, ObjectNode first) {
        ObjectNode request = first.deepCopy();
        ArrayNode items = JsonApiClient.MAPPER.createArrayNode();
        long count = 0;
        long scanned = 0;
        int pages = 0;
        while (true) {
            JsonApiClient.Answer answer = client.call(operation, request);
            if (answer.isError()) {
                return answer;
            }
            pages++;
            answer.body().path("Items").forEach(items::add);
            count += answer.body().path("Count").asLong();
            scanned += answer.body().path("ScannedCount").asLong();
            JsonNode last = answer.body().get("LastEvaluatedKey");
            if (last == null || pages == MAX_PAGES) {
                break;
            }
            request.set("ExclusiveStartKey", last);
        }
        ObjectNode result = JsonApiClient.MAPPER.createObjectNode();
        result.set("Items", items);
        result.put("Count", count).put("ScannedCount", scanned).put("Pages", pages);
        return new JsonApiClient.Answer(200, result);
    }
}
