package dev.shardbridge.event.item;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbJsonTest {

    private static final AttributePath WHERE = AttributePath.root("after").member("x");

    @Test
    void writesDynamoDbWireJson() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("é\uD83D\uDE00\""));
        item.put("n", AttributeValue.fromN("1E-130"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0xfb, (byte) 0xff})));
        item.put("bool", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of()), AttributeValue.fromL(List.of()))));
        item.put("ss", AttributeValue.fromSs(List.of("", "a")));
        item.put("ns", AttributeValue.fromNs(List.of("-0.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[0]))));

        String json = DynamoDbJson.writeItem(item);

        assertThat(json).isEqualTo("{\"s\":{\"S\":\"é\uD83D\uDE00\\\"\"},\"n\":{\"N\":\"1E-130\"},\"b\":{\"B\":\"+/8=\"},"
                + "\"bool\":{\"BOOL\":false},\"null\":{\"NULL\":true},\"l\":{\"L\":[{\"M\":{}},{\"L\":[]}]},"
                + "\"ss\":{\"SS\":[\"\",\"a\"]},\"ns\":{\"NS\":[\"-0.5\"]},\"bs\":{\"BS\":[\"\"]}}");
        assertThat(DynamoDbJson.readItem(json, WHERE)).isEqualTo(item);
    }

    @Test
    void keepsAnyDepth() {
        AttributeValue value = AttributeValue.fromS("bottom");
        for (int i = 0; i < 200; i++) {
            value = i % 2 == 0 ? AttributeValue.fromL(List.of(value)) : AttributeValue.fromM(Map.of("m", value));
        }
        assertThat(DynamoDbJson.readValue(DynamoDbJson.writeValue(value), WHERE)).isEqualTo(value);
    }

    @Test
    void rejectsValuesWithTwoTypesOrTrailingData() {
        assertThatThrownBy(() -> DynamoDbJson.readValue("{\"S\":\"a\",\"N\":\"1\"}", WHERE))
                .isInstanceOf(DataException.class)
                .hasMessage("after.x: a typed attribute value has exactly one entry, found 'S' and more");
        assertThatThrownBy(() -> DynamoDbJson.readList("[] []", WHERE))
                .isInstanceOf(DataException.class)
                .hasMessage("after.x: unexpected START_ARRAY after the DynamoDB JSON value");
        assertThatThrownBy(() -> DynamoDbJson.readList("[{\"L\":[{\"SS\":\"a\"}]}]", WHERE))
                .isInstanceOf(DataException.class)
                .hasMessage("after.x[0][0]: expected an array of set elements, found VALUE_STRING");
    }
}
