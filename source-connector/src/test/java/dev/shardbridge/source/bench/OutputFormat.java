package dev.shardbridge.source.bench;

import dev.shardbridge.event.cbor.CborConverter;
import org.apache.kafka.connect.json.JsonConverter;

import java.util.Map;

/**
 * The record formats the drain is measured with: Connect's JsonConverter with schemas, what most deployments
 * start with (an event of a 1 KB item is about 6.4 KB), and our CBOR converter (about 1.1 KB), what a user who
 * cares about throughput would pick.
 */
enum OutputFormat {
    JSON(JsonConverter.class.getName()),
    CBOR(CborConverter.class.getName());

    private final String converterClass;

    OutputFormat(String converterClass) {
        this.converterClass = converterClass;
    }

    /** Connector settings selecting this format for keys and values. */
    Map<String, String> connectorSettings() {
        return Map.of("key.converter", converterClass, "value.converter", converterClass);
    }

    String label() {
        return name().equals("JSON") ? "JSON (schemas)" : "CBOR";
    }
}
