package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static dev.shardbridge.emulator.conformance.Values.b;
import static dev.shardbridge.emulator.conformance.Values.bool;
import static dev.shardbridge.emulator.conformance.Values.bs;
import static dev.shardbridge.emulator.conformance.Values.item;
import static dev.shardbridge.emulator.conformance.Values.l;
import static dev.shardbridge.emulator.conformance.Values.m;
import static dev.shardbridge.emulator.conformance.Values.n;
import static dev.shardbridge.emulator.conformance.Values.ns;
import static dev.shardbridge.emulator.conformance.Values.nul;
import static dev.shardbridge.emulator.conformance.Values.s;
import static dev.shardbridge.emulator.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB's rules for the ten attribute types, item sizes and key values, as a client meets them. */
class AttributeValueRulesTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    private static final String NUMBER_OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String NUMBER_UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    private static String table;

    private final DynamoDbClient dynamo = emulator.client();

    @BeforeAll
    static void createTable() {
        table = emulator.createHashTable(ScalarAttributeType.S);
    }

    @Test
    void everyTypeRoundTripsUnchanged() {
        Map<String, AttributeValue> all = item("pk", s("all"),
                "s", s("ünïcødé 😀"), "n", n("-12.5"), "b", b((byte) 0, (byte) 0xff), "bool", bool(false),
                "null", nul(), "m", m(item("inner", m(item("n", n(1))), "empty", m(item()))),
                "l", l(s("x"), n(2), nul(), l(), ss("q")),
                "ss", ss("b", "a"), "ns", ns("3", "1.5"), "bs", bs(new byte[] {1}, new byte[] {2, 3}));

        dynamo.putItem(r -> r.tableName(table).item(all));

        Map<String, AttributeValue> read = get("all");
        assertThat(read).containsOnlyKeys(all.keySet());
        all.forEach((name, value) -> {
            if (value.hasSs() || value.hasNs() || value.hasBs()) {
                assertThat(setMembers(read.get(name))).as(name).containsExactlyInAnyOrderElementsOf(setMembers(value));
            } else {
                assertThat(read.get(name)).as(name).isEqualTo(value);
            }
        });
    }

    @ParameterizedTest
    @CsvSource({
        "1.50, 1.5", "015, 15", "-0, 0", "0.000, 0", "1E2, 100", "+7, 7", "123.4500e3, 123450", "0.1e-2, 0.001",
        "12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
        "-0.00000000000000000000000000000000000001, -0.00000000000000000000000000000000000001"
    })
    void numbersAreStoredNormalised(String written, String read) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("number " + written), "n", n(written))));

        assertThat(get("number " + written).get("n").n()).isEqualTo(read);
    }

    @Test
    void numbersKeepThirtyEightSignificantDigitsWithinDynamoDbsRange() {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("range"),
                "largest", n("9.9999999999999999999999999999999999999E+125"), "smallest", n("1E-130"),
                "negative", n("-1E-130"))));

        assertThat(get("range").get("smallest").n()).isEqualTo("0." + "0".repeat(129) + "1");
        assertThat(get("range").get("largest").n()).isEqualTo("9".repeat(38) + "0".repeat(88));

        assertValidationError(() -> putNumber("123456789012345678901234567890123456789"),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidationError(() -> putNumber("1E126"), NUMBER_OVERFLOW);
        assertValidationError(() -> putNumber("-1E126"), NUMBER_OVERFLOW);
        assertValidationError(() -> putNumber("1E-131"), NUMBER_UNDERFLOW);
    }

    @Test
    void setsMustBeNonEmptyAndHoldDistinctMembers() {
        assertValidationError(() -> put("set", ss()),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertValidationError(() -> put("set", ns()),
                "One or more parameter values were invalid: An number set  may not be empty");
        assertValidationError(() -> put("set", bs()),
                "One or more parameter values were invalid: Binary sets should not be empty");
        assertValidationError(() -> put("set", ss("x", "y", "x")),
                "One or more parameter values were invalid: Input collection [x, y, x] contains duplicates.");
        assertThat(dynamo.getItem(r -> r.tableName(table).key(item("pk", s("invalid")))).hasItem()).isFalse();
    }

    @Test
    void nullMustBeTrue() {
        assertValidationError(() -> put("null", AttributeValue.fromNul(false)),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void anItemOf400KbCountingAttributeNamesIsTheLargestAccepted() {
        // "pk" + "max" + "payload" + the payload: exactly 400 KB.
        String payload = "x".repeat(400 * 1024 - 2 - 3 - 7);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("max"), "payload", s(payload))));
        assertThat(get("max").get("payload").s()).hasSize(payload.length());

        // The same bytes, one more character in an attribute name: one byte too many.
        assertValidationError(() -> dynamo.putItem(r -> r.tableName(table)
                        .item(item("pk", s("max"), "payloadX", s(payload)))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void keyValuesHaveTypesSizesAndMustNotBeEmpty() {
        String binaryKeyed = emulator.createCompositeTable(ScalarAttributeType.B, ScalarAttributeType.S);

        assertValidationError(() -> dynamo.putItem(r -> r.tableName(binaryKeyed).item(item("pk", b(), "sk", s("x")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                        + "an empty binary value. Key: pk");
        assertValidationError(() -> dynamo.putItem(r -> r.tableName(binaryKeyed)
                        .item(item("pk", b(new byte[2049]), "sk", s("x")))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit "
                        + "of2048 bytes");
        assertValidationError(() -> dynamo.putItem(r -> r.tableName(binaryKeyed)
                        .item(item("pk", b((byte) 1), "sk", s("x".repeat(1025))))),
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size "
                        + "limit of 1024 bytes");
        dynamo.putItem(r -> r.tableName(binaryKeyed).item(item("pk", b(new byte[2048]), "sk", s("x".repeat(1024)))));
        assertValidationError(() -> dynamo.putItem(r -> r.tableName(binaryKeyed)
                        .item(item("pk", s("1"), "sk", s("x")))),
                "One or more parameter values were invalid: Type mismatch for key pk expected: B actual: S");
    }

    private void put(String pk, AttributeValue value) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("invalid"), "v", value)));
    }

    private void putNumber(String number) {
        put("invalid", n(number));
    }

    private Map<String, AttributeValue> get(String pk) {
        return dynamo.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
    }

    private static List<Object> setMembers(AttributeValue value) {
        if (value.hasSs()) {
            return List.copyOf(value.ss());
        }
        if (value.hasNs()) {
            return List.copyOf(value.ns());
        }
        return value.bs().stream().map(bytes -> (Object) bytes.asByteBuffer()).toList();
    }
}
