package dev.shardbridge.event.connect;

import dev.shardbridge.event.item.DynamoDbJson;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * SDK attribute values in their Connect form ({@link EnvelopeSchema#ATTRIBUTE_VALUE}); reading them
 * back is {@link AttributeNodeReader}'s job.
 *
 * <p>Binary values are {@link ByteBuffer}s, as in Debezium: unlike {@code byte[]} they compare by
 * content, so structs and lists holding them have a working {@code equals}.
 */
final class AttributeValueStruct {

    private static final Schema VALUE = EnvelopeSchema.ATTRIBUTE_VALUE;
    private static final Field S = VALUE.field("S");
    private static final Field N = VALUE.field("N");
    private static final Field B = VALUE.field("B");
    private static final Field BOOL = VALUE.field("BOOL");
    private static final Field NULL = VALUE.field("NULL");
    private static final Field M = VALUE.field("M");
    private static final Field L = VALUE.field("L");
    private static final Field SS = VALUE.field("SS");
    private static final Field NS = VALUE.field("NS");
    private static final Field BS = VALUE.field("BS");

    private static final Schema KEY_VALUE = EnvelopeSchema.KEY_ATTRIBUTE_VALUE;

    private AttributeValueStruct() {
    }

    static Struct toStruct(AttributeValue value) {
        Struct struct = new Struct(VALUE);
        switch (value.type()) {
            case S -> struct.put(S, value.s());
            case N -> struct.put(N, value.n());
            case B -> struct.put(B, buffer(value.b()));
            case BOOL -> struct.put(BOOL, value.bool());
            case NUL -> struct.put(NULL, value.nul());
            case M -> struct.put(M, DynamoDbJson.writeItem(value.m()));
            case L -> struct.put(L, DynamoDbJson.writeList(value.l()));
            case SS -> struct.put(SS, value.ss());
            case NS -> struct.put(NS, value.ns());
            case BS -> {
                List<ByteBuffer> buffers = new ArrayList<>(value.bs().size());
                value.bs().forEach(element -> buffers.add(buffer(element)));
                struct.put(BS, buffers);
            }
            default -> throw new DataException("Attribute value has no type set: " + value);
        }
        return struct;
    }

    static Struct toKeyStruct(AttributeValue value) {
        Struct struct = new Struct(KEY_VALUE);
        switch (value.type()) {
            case S -> struct.put("S", value.s());
            case N -> struct.put("N", value.n());
            case B -> struct.put("B", buffer(value.b()));
            default -> throw new DataException("Key attribute value must be S, N or B, not " + value.type());
        }
        return struct;
    }

    private static ByteBuffer buffer(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArrayUnsafe());
    }
}
