package dev.shardbridge.event.transforms;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers the plain-document schema of an attribute value: S string, N Decimal (or string), B bytes,
 * BOOL boolean, M struct, L and sets arrays. DynamoDB lists may mix types, so element schemas are
 * merged: structs by the union of their fields, decimals to the largest scale; elements that no
 * single schema fits become {@link #TYPED_JSON} strings, so nothing is ever lost or rejected.
 * All schemas are optional, since a field or element may be NULL or absent.
 */
final class DocumentSchemas {

    /** A NULL attribute's schema until merging meets something more specific; compared by identity. */
    static final Schema NULL = SchemaBuilder.string().optional().build();

    /** Values whose types conflict within one list or field, carried as DynamoDB JSON text. */
    static final Schema TYPED_JSON = SchemaBuilder.string().optional()
            .name("dev.shardbridge.event.DynamoDbJson").build();

    private final NumberHandlingMode numbers;

    DocumentSchemas(NumberHandlingMode numbers) {
        this.numbers = numbers;
    }

    Schema infer(AttributeValue value) {
        return switch (value.type()) {
            case S -> Schema.OPTIONAL_STRING_SCHEMA;
            case N -> number(value.n());
            case B -> Schema.OPTIONAL_BYTES_SCHEMA;
            case BOOL -> Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case NUL -> NULL;
            case M -> struct(value.m());
            case L -> arrayOf(mergeAll(value.l().stream().map(this::infer).toList()));
            case SS -> arrayOf(Schema.OPTIONAL_STRING_SCHEMA);
            case NS -> arrayOf(mergeAll(value.ns().stream().map(this::number).toList()));
            case BS -> arrayOf(Schema.OPTIONAL_BYTES_SCHEMA);
            default -> throw new IllegalArgumentException("Attribute value has no type set: " + value);
        };
    }

    /** An optional struct with one field per member, in name order so equal shapes give equal schemas. */
    Schema struct(Map<String, AttributeValue> members) {
        SchemaBuilder struct = SchemaBuilder.struct().optional();
        new TreeMap<>(members).forEach((name, member) -> struct.field(name, infer(member)));
        return struct.build();
    }

    /** The decimal scale values are rescaled to; never negative, since many systems reject that. */
    static int scaleOf(Schema decimal) {
        return Integer.parseInt(decimal.parameters().get(Decimal.SCALE_FIELD));
    }

    private Schema number(String number) {
        if (numbers == NumberHandlingMode.STRING) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }
        return decimal(Math.max(0, new BigDecimal(number).scale()));
    }

    private static Schema decimal(int scale) {
        return Decimal.builder(scale).optional().build();
    }

    private static Schema arrayOf(Schema element) {
        return SchemaBuilder.array(element).optional().build();
    }

    private static Schema mergeAll(List<Schema> schemas) {
        Schema merged = NULL;
        for (Schema schema : schemas) {
            merged = merge(merged, schema);
        }
        return merged;
    }

    static Schema merge(Schema a, Schema b) {
        if (a == NULL) {
            return b;
        }
        if (b == NULL) {
            return a;
        }
        if (a == TYPED_JSON || b == TYPED_JSON) {
            return TYPED_JSON;
        }
        if (a.equals(b)) {
            return a;
        }
        if (isDecimal(a) && isDecimal(b)) {
            return decimal(Math.max(scaleOf(a), scaleOf(b)));
        }
        if (a.name() == null && b.name() == null && a.type() == b.type()) {
            if (a.type() == Schema.Type.STRUCT) {
                return mergeStructs(a, b);
            }
            if (a.type() == Schema.Type.ARRAY) {
                return arrayOf(merge(a.valueSchema(), b.valueSchema()));
            }
        }
        return TYPED_JSON;
    }

    private static Schema mergeStructs(Schema a, Schema b) {
        Map<String, Schema> fields = new TreeMap<>();
        for (Field field : a.fields()) {
            fields.put(field.name(), field.schema());
        }
        for (Field field : b.fields()) {
            fields.merge(field.name(), field.schema(), DocumentSchemas::merge);
        }
        SchemaBuilder struct = SchemaBuilder.struct().optional();
        fields.forEach(struct::field);
        return struct.build();
    }

    private static boolean isDecimal(Schema schema) {
        return Decimal.LOGICAL_NAME.equals(schema.name());
    }
}
