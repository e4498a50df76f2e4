package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonParser;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;

/** Builds the AWS SDK's {@link AttributeValue}s from typed values, at any depth. */
public final class AttributeValueVisitor implements TypedAttributeReader.Visitor<AttributeValue> {

    public static final AttributeValueVisitor INSTANCE = new AttributeValueVisitor();

    private AttributeValueVisitor() {
    }

    @Override
    public AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public AttributeValue number(String value) {
        return AttributeValue.fromN(value);
    }

    @Override
    public AttributeValue binary(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value));
    }

    @Override
    public AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    @Override
    public AttributeValue nul(boolean value) {
        return AttributeValue.fromNul(value);
    }

    @Override
    public AttributeValue map(JsonParser in, AttributePath where) throws IOException {
        return AttributeValue.fromM(TypedAttributeReader.readItem(in, where, this));
    }

    @Override
    public AttributeValue list(JsonParser in, AttributePath where) throws IOException {
        return AttributeValue.fromL(TypedAttributeReader.readList(in, where, this));
    }

    @Override
    public AttributeValue stringSet(List<String> values) {
        return AttributeValue.fromSs(values);
    }

    @Override
    public AttributeValue numberSet(List<String> values) {
        return AttributeValue.fromNs(values);
    }

    @Override
    public AttributeValue binarySet(List<byte[]> values) {
        return AttributeValue.fromBs(values.stream().map(SdkBytes::fromByteArrayUnsafe).toList());
    }
}
