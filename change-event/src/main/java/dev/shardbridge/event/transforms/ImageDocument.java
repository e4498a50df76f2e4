package dev.shardbridge.event.transforms;

import dev.shardbridge.event.item.DynamoDbJson;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An item image as a plain document: a struct with one field per attribute (name order) and values
 * in natural Connect types, shaped by {@link DocumentSchemas}. Metadata fields can be appended.
 */
final class ImageDocument {

    private final DocumentSchemas schemas;

    ImageDocument(NumberHandlingMode numbers) {
        this.schemas = new DocumentSchemas(numbers);
    }

    /**
     * @param item     the image
     * @param metadata extra string fields to append, in order (values may be null)
     */
    SchemaAndValue of(Map<String, AttributeValue> item, Map<String, String> metadata) {
        Map<String, AttributeValue> attributes = new TreeMap<>(item);
        SchemaBuilder builder = SchemaBuilder.struct();
        attributes.forEach((name, value) -> builder.field(name, schemas.infer(value)));
        metadata.keySet().forEach(name -> {
            if (attributes.containsKey(name)) {
                throw new DataException("Item attribute '" + name + "' collides with the added field of that name");
            }
            builder.field(name, Schema.OPTIONAL_STRING_SCHEMA);
        });
        Schema schema = builder.build();
        Struct document = new Struct(schema);
        attributes.forEach((name, value) -> {
            Field field = schema.field(name);
            document.put(field, conform(value, field.schema()));
        });
        metadata.forEach(document::put);
        return new SchemaAndValue(schema, document);
    }

    /** The value of {@code value} in {@code schema}, which {@link DocumentSchemas} made to fit it. */
    private static Object conform(AttributeValue value, Schema schema) {
        if (schema == DocumentSchemas.TYPED_JSON) {
            return DynamoDbJson.writeValue(value);
        }
        return switch (value.type()) {
            case S -> value.s();
            case N -> number(value.n(), schema);
            case B -> buffer(value.b());
            case BOOL -> value.bool();
            case NUL -> null;
            case M -> struct(value.m(), schema);
            case L -> value.l().stream().map(element -> conform(element, schema.valueSchema())).toList();
            case SS -> value.ss();
            case NS -> value.ns().stream().map(element -> number(element, schema.valueSchema())).toList();
            case BS -> {
                List<ByteBuffer> buffers = new ArrayList<>(value.bs().size());
                value.bs().forEach(element -> buffers.add(buffer(element)));
                yield buffers;
            }
            default -> throw new DataException("Attribute value has no type set: " + value);
        };
    }

    private static Struct struct(Map<String, AttributeValue> members, Schema schema) {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
            AttributeValue member = members.get(field.name());
            if (member != null) {
                struct.put(field, conform(member, field.schema()));
            }
        }
        return struct;
    }

    private static Object number(String number, Schema schema) {
        if (!Decimal.LOGICAL_NAME.equals(schema.name())) {
            return number;
        }
        // Raising the scale adds trailing zeros only, so the value stays exact.
        return new BigDecimal(number).setScale(DocumentSchemas.scaleOf(schema));
    }

    private static ByteBuffer buffer(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArrayUnsafe());
    }
}
