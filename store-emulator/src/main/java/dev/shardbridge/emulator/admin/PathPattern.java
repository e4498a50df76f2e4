package dev.shardbridge.emulator.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An admin path such as {@code tables/{table}/partitions/{partition}/split}: literal segments must be
 * equal, {@code {name}} segments match any one segment and are handed to the handler by name.
 */
record PathPattern(List<String> segments) {

    static PathPattern of(String pattern) {
        return new PathPattern(List.of(pattern.split("/")));
    }

    /** The named segments when {@code path} matches, or null when it does not. */
    Map<String, String> match(List<String> path) {
        if (path.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>(2);
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                parameters.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return null;
            }
        }
        return parameters;
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
