package dev.shardbridge.source.offset;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading fields out of the loosely typed maps Connect stores, with messages that name the map and the
 * key: these messages reach users who edit offsets through Connect's REST API.
 */
final class OffsetMaps {

    private OffsetMaps() {
    }

    static void rejectUnknownKeys(String what, Map<String, ?> map, Set<String> known) {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ConnectException("Unknown " + what + " key(s) " + unknown + "; expected only "
                    + new TreeSet<>(known));
        }
    }

    /** The string at {@code key}, or null when absent or null. */
    static String string(String what, Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new ConnectException(what + " '" + key + "' must be a string, got "
                + value.getClass().getSimpleName() + " " + value);
    }

    /** The boolean at {@code key}, false when absent. Strings are refused: "false" is truthy in too many tools. */
    static boolean flag(String what, Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new ConnectException(what + " '" + key + "' must be a JSON boolean, got "
                + value.getClass().getSimpleName() + " " + value);
    }

    /**
     * The whole number at {@code key}, or null when absent. Connect's JSON offset store hands numbers back as
     * Long or Integer, whatever was written; a fraction or a string is refused.
     */
    static Long number(String what, Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new ConnectException(what + " '" + key + "' must be a whole number, got "
                + value.getClass().getSimpleName() + " " + value);
    }
}
