package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.assertRejected;
import static dev.shardbridge.emulator.expression.Fixtures.item;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionAttributesTest {

    @Test
    void resolvesPlaceholders() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#n", "name"), item(":v", n(1)));
        assertThat(attributes.name("#n", ExpressionKind.CONDITION)).isEqualTo("name");
        assertThat(attributes.value(":v", ExpressionKind.CONDITION)).isEqualTo(n(1));
        attributes.requireAllUsed();
    }

    @Test
    void undefinedPlaceholdersNameTheExpression() {
        ExpressionAttributes attributes = ExpressionAttributes.none();
        assertRejected(() -> attributes.name("#n", ExpressionKind.UPDATE), "Invalid UpdateExpression: An expression "
                + "attribute name used in the document path is not defined; attribute name: #n");
        assertRejected(() -> attributes.value(":v", ExpressionKind.FILTER), "Invalid FilterExpression: An expression "
                + "attribute value used in expression is not defined; attribute value: :v");
    }

    @Test
    void unusedPlaceholdersAreListedSortedNamesFirst() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#z", "z", "#y", "y"),
                item(":v", n(1), ":w", n(1), ":a", n(1)));
        ConditionExpression.parse("a = :v", ExpressionKind.CONDITION, attributes);
        assertRejected(attributes::requireAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#y, #z}");
        ExpressionAttributes onlyValues = new ExpressionAttributes(null, item(":v", n(1), ":w", n(1), ":a", n(1)));
        ConditionExpression.parse("a = :v", ExpressionKind.CONDITION, onlyValues);
        assertRejected(onlyValues::requireAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :w}");
    }

    @Test
    void usesAccumulateAcrossTheExpressionsOfARequest() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#k", "k"), item(":v", n(1), ":w", n(2)));
        UpdateExpression.parse("SET a = :v", attributes);
        ConditionExpression.parse("#k = :w", ExpressionKind.CONDITION, attributes);
        attributes.requireAllUsed();
    }

    @Test
    void placeholderKeysAreChecked() {
        assertRejected(() -> new ExpressionAttributes(names("a", "x"), null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertRejected(() -> new ExpressionAttributes(names("#a-b", "x"), null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
        assertRejected(() -> new ExpressionAttributes(names("#", "x"), null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"");
        assertRejected(() -> new ExpressionAttributes(names("#a", ""), null),
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
        assertRejected(() -> new ExpressionAttributes(null, item("w", s("x"))),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"w\"");
        assertRejected(() -> new ExpressionAttributes(null, item("::a", s("x"))),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"::a\"");
        new ExpressionAttributes(names("#1", "x", "#_", "y", "#aB9", "z"), item(":1", n(1), ":_a", n(2)));
    }
}
