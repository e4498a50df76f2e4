package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scenario script from the test resources. The format, one statement per line:
 * <pre>
 * # a comment
 * == Title of a scenario                   (starts a scenario; all tables are dropped first)
 * PutItem {"TableName": ...}              (a step: operation and request body, on one line)
 * Scan unordered {...}                     (item order carries no meaning)
 * Scan all-pages {...}                     (follow LastEvaluatedKey; compare all items and the page count)
 * Scan all-segments {"TotalSegments":4,...} (read every segment to the end; compare the union)
 *   known some-difference-id               (the step above is a documented difference ...)
 *   emulator {"__type": ..., "message": ...}   (... and these are the normalised answers of each side)
 *   local {...}
 * </pre>
 */
final class ScenarioScript {

    private ScenarioScript() {
    }

    static List<Scenario> load(String resource) {
        try (InputStream in = ScenarioScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario script " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static List<Scenario> parse(String source, String text) {
        List<Scenario> scenarios = new ArrayList<>();
        String title = null;
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = source.substring(source.lastIndexOf('/') + 1) + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                if (title != null) {
                    scenarios.add(new Scenario(source, title, List.copyOf(steps)));
                }
                title = line.substring(2).strip();
                steps = new ArrayList<>();
            } else if (line.startsWith("known ")) {
                requireStep(steps, where);
                String id = line.substring("known ".length()).strip();
                ObjectNode emulator = answerLine(lines, ++i, "emulator ", where);
                ObjectNode local = answerLine(lines, ++i, "local ", where);
                if (emulator.equals(local)) {
                    throw new IllegalArgumentException(where + ": known difference " + id + " shows no difference");
                }
                int last = steps.size() - 1;
                steps.set(last, steps.get(last).withKnownDifference(new KnownDifference(id, emulator, local)));
            } else {
                if (title == null) {
                    throw new IllegalArgumentException(where + ": a step before the first '== title'");
                }
                steps.add(step(line, where));
            }
        }
        if (title != null) {
            scenarios.add(new Scenario(source, title, List.copyOf(steps)));
        }
        return scenarios;
    }

    private static Step step(String line, String where) {
        int brace = line.indexOf('{');
        if (brace < 0) {
            throw new IllegalArgumentException(where + ": a step needs a JSON request body: " + line);
        }
        String[] words = line.substring(0, brace).strip().split("\\s+");
        Step.ReadMode mode = Step.ReadMode.EXACT;
        if (words.length == 2) {
            mode = switch (words[1]) {
                case "unordered" -> Step.ReadMode.UNORDERED;
                case "all-pages" -> Step.ReadMode.ALL_PAGES;
                case "all-segments" -> Step.ReadMode.ALL_SEGMENTS;
                default -> throw new IllegalArgumentException(where + ": unknown read mode " + words[1]);
            };
        } else if (words.length != 1) {
            throw new IllegalArgumentException(where + ": expected '<Operation> [mode] {json}': " + line);
        }
        return new Step(where, words[0], mode, object(line.substring(brace), where), null);
    }

    private static ObjectNode answerLine(String[] lines, int index, String prefix, String where) {
        String line = index < lines.length ? lines[index].strip() : "";
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException(where + ": 'known' must be followed by '" + prefix.strip() + " {...}'");
        }
        return (ObjectNode) ResponseNormaliser.canonical(object(line.substring(prefix.length()), where));
    }

    private static ObjectNode object(String json, String where) {
        try {
            JsonNode node = JsonApiClient.MAPPER.readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + ": not a JSON object: " + json);
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireStep(List<Step> steps, String where) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'known' must follow a step");
        }
    }
}
