package dev.shardbridge.emulator.operation;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the emulator, configured once: thread-safe and reused for every request. */
public final class Json {
    /**
     * Documents nest at most 32 levels, each level two JSON levels deep ({"M":{...}}), inside a request
     * envelope; anything deeper is rejected by the parser before it costs memory.
     */
    public static final int MAX_JSON_NESTING = 100;

    public static final ObjectMapper MAPPER = createMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_NESTING)
                .maxStringLength(20_000_000)
                .maxNumberLength(1000)
                .build());
        return mapper;
    }
}
