package dev.shardbridge.event.connect;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect schemas of change events. They are constants: every event of every table has the
 * same value schema, so converters, schema registries and JsonConverter's schema cache see one
 * schema, never one per item shape.
 *
 * <p>An attribute value is a struct with one optional field per DynamoDB type, exactly one of them
 * set. M and L hold their contents as DynamoDB JSON text, because a Connect schema cannot refer to
 * itself: a struct per nesting level would make the schema (which JsonConverter repeats in every
 * message) grow with depth, twice over per level since M and L both nest. The JSON text keeps any
 * depth, every type and exact numbers, and our CBOR converter writes it out as native nested CBOR.
 */
public final class EnvelopeSchema {

    public static final String NAMESPACE = "dev.shardbridge.event";

    public static final Schema ATTRIBUTE_VALUE = SchemaBuilder.struct().name(NAMESPACE + ".AttributeValue")
            .doc("A DynamoDB attribute value: exactly one field is set. M and L hold DynamoDB JSON text.")
            .field("S", Schema.OPTIONAL_STRING_SCHEMA)
            .field("N", Schema.OPTIONAL_STRING_SCHEMA)
            .field("B", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("BOOL", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("NULL", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("M", Schema.OPTIONAL_STRING_SCHEMA)
            .field("L", Schema.OPTIONAL_STRING_SCHEMA)
            .field("SS", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("NS", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("BS", SchemaBuilder.array(Schema.BYTES_SCHEMA).optional().build())
            .build();

    /** Key attributes can only be S, N or B, so the key carries no other fields. */
    public static final Schema KEY_ATTRIBUTE_VALUE = SchemaBuilder.struct().name(NAMESPACE + ".KeyAttributeValue")
            .doc("A DynamoDB key attribute value: exactly one of S, N, B is set.")
            .field("S", Schema.OPTIONAL_STRING_SCHEMA)
            .field("N", Schema.OPTIONAL_STRING_SCHEMA)
            .field("B", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();

    /** The Kafka key: primary key attributes in attribute-name order. */
    public static final Schema KEY = SchemaBuilder.map(Schema.STRING_SCHEMA, KEY_ATTRIBUTE_VALUE)
            .name(NAMESPACE + ".Key").build();

    /** An item image, as {@code NewImage}/{@code OldImage} in a stream record. */
    public static final Schema IMAGE = SchemaBuilder.map(Schema.STRING_SCHEMA, ATTRIBUTE_VALUE)
            .name(NAMESPACE + ".Image").optional().build();

    public static final Schema SOURCE = SchemaBuilder.struct().name(NAMESPACE + ".Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("version", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("stream_arn", Schema.OPTIONAL_STRING_SCHEMA)
            .field("shard_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("sequence_number", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.BOOLEAN_SCHEMA)
            .build();

    public static final Schema ENVELOPE = SchemaBuilder.struct().name(NAMESPACE + ".Envelope").version(1)
            .field("before", IMAGE)
            .field("after", IMAGE)
            .field("key", KEY)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();

    static final Field BEFORE = ENVELOPE.field("before");
    static final Field AFTER = ENVELOPE.field("after");
    static final Field KEY_FIELD = ENVELOPE.field("key");
    static final Field SOURCE_FIELD = ENVELOPE.field("source");
    static final Field OP = ENVELOPE.field("op");
    static final Field TS_MS = ENVELOPE.field("ts_ms");

    private EnvelopeSchema() {
    }
}
