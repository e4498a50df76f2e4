package dev.shardbridge.source.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's parameters, from {@code -Dbench.*} system properties. The defaults keep a whole run within
 * about three minutes on the project machine. Settings lists are {@code key=value,key=value}, or {@code none}.
 */
record BenchOptions(Set<String> scenarios, int drainItems, int warmupItems, List<OutputFormat> formats,
                    Map<String, String> drainSettings, int idleShards, int idleTasks, Duration idleBaseline,
                    Duration idleWindow, int lagRate, Duration lagWarmup, Duration lagWindow,
                    List<Map<String, String>> lagSettings) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                Set.copyOf(list("bench.scenarios", "drain1,drain4,idle,lag")),
                Integer.getInteger("bench.drainItems", 200_000),
                Integer.getInteger("bench.warmupItems", 20_000),
                list("bench.formats", "json,cbor").stream()
                        .map(f -> OutputFormat.valueOf(f.toUpperCase(Locale.ROOT))).toList(),
                // Connect's producer sends one request at a time (max.in.flight 1) with 16 KB per partition by
                // default, two or three JSON events: larger batches are what lets a backlog through.
                settings("bench.drainSettings", "producer.override.batch.size=524288"),
                Integer.getInteger("bench.idleShards", 64),
                Integer.getInteger("bench.idleTasks", 64),
                Duration.ofSeconds(Long.getLong("bench.idleBaselineSeconds", 5)),
                Duration.ofSeconds(Long.getLong("bench.idleSeconds", 20)),
                Integer.getInteger("bench.lagRate", 1000),
                Duration.ofSeconds(Long.getLong("bench.lagWarmupSeconds", 3)),
                Duration.ofSeconds(Long.getLong("bench.lagSeconds", 20)),
                // Variants separated by ';': the defaults, then a shorter first idle pause, which bounds how long
                // a shard that just returned an empty page waits before looking again.
                variants("bench.lagSettings", "none;poll.idle.backoff.min.ms=10"));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** Settings as printed in the results: {@code defaults} when there are none. */
    static String describe(Map<String, String> settings) {
        return settings.isEmpty() ? "defaults" : settings.entrySet().stream()
                .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").collect(Collectors.joining(", "));
    }

    private static List<String> list(String property, String defaultValue) {
        // An empty -D value (Maven passes one for an unset property) means the default, not "nothing".
        String value = System.getProperty(property, "");
        return Arrays.stream((value.isBlank() ? defaultValue : value).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Map<String, String>> variants(String property, String defaultValue) {
        String value = System.getProperty(property, "");
        return Arrays.stream((value.isBlank() ? defaultValue : value).split(";"))
                .map(variant -> parse(property, Arrays.stream(variant.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList()))
                .toList();
    }

    private static Map<String, String> settings(String property, String defaultValue) {
        return parse(property, list(property, defaultValue));
    }

    private static Map<String, String> parse(String property, List<String> pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (pairs.equals(List.of("none"))) {
            return settings;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(property + ": expected key=value, got '" + pair + "'");
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }
}
