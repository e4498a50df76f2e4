package dev.shardbridge.event.cbor;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import com.upokecenter.numbers.EDecimal;
import com.upokecenter.numbers.EInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads our CBOR with a decoder that shares no code with Jackson (com.upokecenter:cbor), checking
 * the encoding rules on the way: byte strings for binary, tag 258 (and only it) on sets, numbers as
 * integers, bignums or tag-4 decimal fractions, text only for non-canonical number spellings.
 */
public final class IndependentCbor {

    private static final CBOREncodeOptions KEEP_ORDER = new CBOREncodeOptions("keepkeyorder=true");

    private IndependentCbor() {
    }

    public static CBORObject decode(byte[] bytes) {
        return CBORObject.DecodeFromBytes(bytes, KEEP_ORDER);
    }

    /** An item (or M contents, or key) in typed form. */
    public static Map<String, AttributeValue> item(CBORObject map) {
        assertUntagged(map, CBORType.Map);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (CBORObject name : map.getKeys()) {
            assertThat(name.getType()).isEqualTo(CBORType.TextString);
            item.put(name.AsString(), value(map.get(name)));
        }
        return item;
    }

    /** One typed value such as {"S": "x"}. */
    public static AttributeValue value(CBORObject typed) {
        assertUntagged(typed, CBORType.Map);
        assertThat(typed.size()).as("a typed value has exactly one entry").isEqualTo(1);
        String type = typed.getKeys().iterator().next().AsString();
        CBORObject content = typed.get(type);
        return switch (type) {
            case "S" -> AttributeValue.fromS(text(content));
            case "N" -> AttributeValue.fromN(number(content));
            case "B" -> AttributeValue.fromB(bytes(content));
            case "BOOL" -> AttributeValue.fromBool(bool(content));
            case "NULL" -> AttributeValue.fromNul(bool(content));
            case "M" -> AttributeValue.fromM(item(content));
            case "L" -> {
                assertUntagged(content, CBORType.Array);
                List<AttributeValue> list = new ArrayList<>();
                for (CBORObject element : content.getValues()) {
                    list.add(value(element));
                }
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(set(content, IndependentCbor::text));
            case "NS" -> AttributeValue.fromNs(set(content, IndependentCbor::number));
            case "BS" -> AttributeValue.fromBs(set(content, IndependentCbor::bytes));
            default -> throw new AssertionError("Unknown type " + type);
        };
    }

    /** A number as its exact decimal string: integer, bignum, decimal fraction, or (non-canonical) text. */
    public static String number(CBORObject number) {
        if (number.getType() == CBORType.TextString && !number.isTagged()) {
            String text = number.AsString();
            assertThat(new BigDecimal(text).toString()).as("text is only for non-canonical spellings").isNotEqualTo(text);
            return text;
        }
        if (number.HasMostOuterTag(4)) {
            assertThat(number.getTagCount()).isEqualTo(1);
            EDecimal decimal = number.AsNumber().ToEDecimal();
            BigDecimal exact = new BigDecimal(new BigInteger(decimal.getMantissa().toString()),
                    -decimal.getExponent().ToInt32Checked());
            assertThat(exact.scale()).as("decimal fractions are for non-integers").isNotZero();
            return exact.toString();
        }
        if (number.getType() == CBORType.Integer || number.HasMostOuterTag(2) || number.HasMostOuterTag(3)) {
            EInteger integer = number.AsNumber().ToEInteger();
            if (number.isTagged()) {
                assertThat(integer.GetSignedBitLengthAsInt64()).as("bignums only past 64 bits").isGreaterThanOrEqualTo(64);
            }
            return integer.toString();
        }
        return fail("Not an exact number: " + number);
    }

    public static String text(CBORObject text) {
        assertUntagged(text, CBORType.TextString);
        return text.AsString();
    }

    public static SdkBytes bytes(CBORObject bytes) {
        assertUntagged(bytes, CBORType.ByteString);
        return SdkBytes.fromByteArray(bytes.GetByteString());
    }

    private static boolean bool(CBORObject bool) {
        assertUntagged(bool, CBORType.Boolean);
        return bool.isTrue();
    }

    private static <T> List<T> set(CBORObject set, Function<CBORObject, T> element) {
        assertThat(set.HasMostOuterTag(258)).as("sets carry tag 258: " + set).isTrue();
        assertThat(set.getTagCount()).isEqualTo(1);
        CBORObject array = set.UntagOne();
        assertUntagged(array, CBORType.Array);
        List<T> elements = new ArrayList<>();
        for (CBORObject value : array.getValues()) {
            elements.add(element.apply(value));
        }
        return elements;
    }

    private static void assertUntagged(CBORObject value, CBORType type) {
        assertThat(value.isTagged()).as("no tag on " + value).isFalse();
        assertThat(value.getType()).as(value.toString()).isEqualTo(type);
    }
}
