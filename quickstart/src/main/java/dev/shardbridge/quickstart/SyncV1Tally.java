package dev.shardbridge.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Tablestore trigger payloads ({@code {"Version": "Sync-v1", "Records": [{"Type": ...}]}}) the way a
 * trigger function does, with a generic CBOR decoder, and counts rows by type. A payload in any other shape
 * is counted as malformed, which the final check treats as a failure.
 */
final class SyncV1Tally {
    static final String VERSION = "Sync-v1";
    private static final CBORMapper CBOR = new CBORMapper();

    private final Map<String, Long> rowsByType = new TreeMap<>();
    private long malformed;

    synchronized void accept(byte[] payload) {
        try {
            JsonNode root = CBOR.readTree(payload);
            JsonNode records = root.path("Records");
            if (!VERSION.equals(root.path("Version").asText()) || !records.isArray() || records.isEmpty()) {
                malformed++;
                return;
            }
            for (JsonNode row : records) {
                String type = row.path("Type").asText();
                if (type.equals("PutRow") || type.equals("UpdateRow") || type.equals("DeleteRow")) {
                    rowsByType.merge(type, 1L, Long::sum);
                } else {
                    malformed++;
                }
            }
        } catch (IOException e) {
            malformed++;
        }
    }

    synchronized long rows(String type) {
        return rowsByType.getOrDefault(type, 0L);
    }

    synchronized long malformed() {
        return malformed;
    }
}
