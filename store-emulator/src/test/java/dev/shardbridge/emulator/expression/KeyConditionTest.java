package dev.shardbridge.emulator.expression;

import static dev.shardbridge.emulator.expression.Fixtures.assertRejected;
import static dev.shardbridge.emulator.expression.Fixtures.b;
import static dev.shardbridge.emulator.expression.Fixtures.l;
import static dev.shardbridge.emulator.expression.Fixtures.n;
import static dev.shardbridge.emulator.expression.Fixtures.names;
import static dev.shardbridge.emulator.expression.Fixtures.s;
import static dev.shardbridge.emulator.expression.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.KeySchema;
import org.junit.jupiter.api.Test;

/** KeyConditionExpression parsing and validation against a key schema; messages as AWS words them. */
class KeyConditionTest {
    private static final KeySchema NUMBER_SORT = new KeySchema("pk", AttributeType.S, "sk", AttributeType.N);
    private static final KeySchema STRING_SORT = new KeySchema("pk", AttributeType.S, "sk", AttributeType.S);
    private static final KeySchema HASH_ONLY = KeySchema.hash("pk", AttributeType.S);

    private static KeyCondition parse(String expression, KeySchema schema, Object... values) {
        return KeyCondition.parse(expression, Fixtures.values(values), schema);
    }

    private static void rejected(String expression, KeySchema schema, String message, Object... values) {
        assertRejected(() -> parse(expression, schema, values), message);
    }

    @Test
    void partitionKeyEqualityAlone() {
        assertThat(parse("pk = :p", NUMBER_SORT, ":p", s("x"))).isEqualTo(new KeyCondition(s("x"), null));
        assertThat(parse(":p = pk", HASH_ONLY, ":p", s("x"))).isEqualTo(new KeyCondition(s("x"), null));
    }

    @Test
    void sortKeyConditionsInEitherOperandOrder() {
        assertThat(parse("pk = :p AND sk > :s", NUMBER_SORT, ":p", s("x"), ":s", n(2)).sortCondition())
                .isEqualTo(new SortKeyCondition(SortKeyCondition.Operator.GT, n(2), null));
        assertThat(parse("pk = :p AND :s < sk", NUMBER_SORT, ":p", s("x"), ":s", n(2)).sortCondition())
                .isEqualTo(new SortKeyCondition(SortKeyCondition.Operator.GT, n(2), null));
        assertThat(parse("sk >= :s AND pk = :p", NUMBER_SORT, ":p", s("x"), ":s", n(2)).sortCondition())
                .isEqualTo(new SortKeyCondition(SortKeyCondition.Operator.GE, n(2), null));
        assertThat(parse(":s <= sk AND :p = pk", NUMBER_SORT, ":p", s("x"), ":s", n(2)).sortCondition())
                .isEqualTo(new SortKeyCondition(SortKeyCondition.Operator.GE, n(2), null));
        assertThat(parse("pk = :p AND sk = :s", NUMBER_SORT, ":p", s("x"), ":s", n(2)).sortCondition().operator())
                .isEqualTo(SortKeyCondition.Operator.EQ);
    }

    @Test
    void betweenAndBeginsWith() {
        assertThat(parse("pk = :p AND sk BETWEEN :a AND :b", NUMBER_SORT, ":p", s("x"), ":a", n(2), ":b", n(4)))
                .isEqualTo(new KeyCondition(s("x"), new SortKeyCondition(SortKeyCondition.Operator.BETWEEN, n(2), n(4))));
        assertThat(parse("(pk = :p) AND (begins_with(sk, :a))", STRING_SORT, ":p", s("x"), ":a", s("ab")).sortCondition())
                .isEqualTo(new SortKeyCondition(SortKeyCondition.Operator.BEGINS_WITH, s("ab"), null));
    }

    @Test
    void placeholdersForKeyNames() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#p", "pk", "#s", "sk"),
                Fixtures.item(":p", s("x"), ":a", n(1), ":b", n(2)));
        assertThat(KeyCondition.parse("#p = :p AND #s BETWEEN :a AND :b", attributes, NUMBER_SORT).partitionValue())
                .isEqualTo(s("x"));
    }

    @Test
    void missingOrUnknownKeys() {
        rejected("sk = :s", NUMBER_SORT, "Query condition missed key schema element: pk", ":s", n(1));
        rejected("x = :s", NUMBER_SORT, "Query condition missed key schema element: pk", ":s", n(1));
        rejected("pk = :p AND x = :s", NUMBER_SORT, "Query condition missed key schema element: sk", ":p", s("x"), ":s", n(1));
        rejected("pk = :p AND x BETWEEN :a AND :b", NUMBER_SORT, "Query condition missed key schema element: sk",
                ":p", s("x"), ":a", n(1), ":b", n(2));
        rejected("pk = :p AND sk = :s", HASH_ONLY, "Query key condition not supported", ":p", s("x"), ":s", n(1));
        rejected("pk = :p AND x = :s", HASH_ONLY, "Query key condition not supported", ":p", s("x"), ":s", n(1));
    }

    @Test
    void partitionKeyNeedsEquality() {
        rejected("pk > :p", NUMBER_SORT, "Query key condition not supported", ":p", s("x"));
        rejected("begins_with(pk, :p) AND sk = :s", NUMBER_SORT, "Query key condition not supported", ":p", s("x"), ":s", n(1));
        rejected("pk BETWEEN :a AND :b", NUMBER_SORT, "Query key condition not supported", ":a", s("a"), ":b", s("b"));
    }

    @Test
    void onlyAndOfSimpleConditions() {
        rejected("pk = :p OR sk = :s", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: OR", ":p", s("x"), ":s", n(1));
        rejected("pk = :p AND (sk = :s OR sk = :s)", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: OR",
                ":p", s("x"), ":s", n(1));
        rejected("NOT pk = :p", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: NOT", ":p", s("x"));
        rejected("pk = :p AND sk <> :s", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: <>", ":p", s("x"), ":s", n(1));
        rejected("pk IN (:p)", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: IN", ":p", s("x"));
        rejected("pk = :p AND attribute_exists(sk)", NUMBER_SORT,
                "Invalid operator used in KeyConditionExpression: attribute_exists", ":p", s("x"));
        rejected("pk = :p AND contains(sk, :s)", NUMBER_SORT, "Invalid operator used in KeyConditionExpression: contains",
                ":p", s("x"), ":s", n(1));
        rejected("pk = :p AND size(sk) = :s", NUMBER_SORT, "KeyConditionExpressions cannot contain nested operations",
                ":p", s("x"), ":s", n(1));
    }

    @Test
    void oneConditionPerKey() {
        rejected("pk = :p AND pk = :p", NUMBER_SORT, "KeyConditionExpressions must only contain one condition per key", ":p", s("x"));
        rejected("pk = :p AND sk = :s AND sk = :s", NUMBER_SORT, "KeyConditionExpressions must only contain one condition per key",
                ":p", s("x"), ":s", n(1));
    }

    @Test
    void conditionsCompareOneKeyWithValues() {
        rejected("pk = sk", NUMBER_SORT, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        rejected(":p = :p", NUMBER_SORT, "Invalid condition in KeyConditionExpression: No key attribute specified", ":p", s("x"));
        rejected("pk = :p AND begins_with(:s, sk)", STRING_SORT, "Invalid condition in KeyConditionExpression: begins_with "
                + "operator must have the key attribute as its first operand", ":p", s("x"), ":s", s("a"));
        rejected("pk = :p AND :a BETWEEN :a AND :s", NUMBER_SORT, "Invalid condition in KeyConditionExpression: BETWEEN "
                + "operator must have the key attribute as its first operand", ":p", s("x"), ":a", n(0), ":s", n(1));
        rejected("pk.x = :p", NUMBER_SORT, "Key attributes must be scalars; list random access '[]' and map lookup '.' "
                + "are not allowed: Key: pk", ":p", s("x"));
        rejected("pk[0] = :p", NUMBER_SORT, "Key attributes must be scalars; list random access '[]' and map lookup '.' "
                + "are not allowed: Key: pk", ":p", s("x"));
    }

    @Test
    void valuesMustHaveTheDeclaredKeyType() {
        String mismatch = "One or more parameter values were invalid: Condition parameter type does not match schema type";
        rejected("pk = :p", NUMBER_SORT, mismatch, ":p", n(1));
        rejected("pk = :p", NUMBER_SORT, mismatch, ":p", ss("x"));
        rejected("pk = :p AND sk = :s", NUMBER_SORT, mismatch, ":p", s("x"), ":s", s("1"));
        rejected("pk = :p AND sk = :s", NUMBER_SORT, mismatch, ":p", s("x"), ":s", b(0));
        rejected("pk = :p AND begins_with(sk, :s)", NUMBER_SORT, mismatch, ":p", s("x"), ":s", s("4"));
    }

    @Test
    void conditionLanguageErrorsComeFirst() {
        String invalid = "Invalid KeyConditionExpression: ";
        rejected("", NUMBER_SORT, invalid + "The expression can not be empty;");
        rejected("pk = ", NUMBER_SORT, invalid + "Syntax error; token: \"<EOF>\", near: \"= \"");
        rejected("pk = :p AND name = :s", NUMBER_SORT, invalid + "Attribute name is a reserved keyword; reserved keyword: name",
                ":p", s("x"), ":s", n(1));
        rejected("pk = :p AND begins_with(sk, :a)", NUMBER_SORT,
                invalid + "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                ":p", s("x"), ":a", n(4));
        rejected("pk = :p AND sk BETWEEN :a AND :b", NUMBER_SORT, invalid + "The BETWEEN operator requires upper bound to "
                + "be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:4}, upper bound operand: "
                + "AttributeValue: {N:2}", ":p", s("x"), ":a", n(4), ":b", n(2));
        rejected("pk = :p AND sk < :s", NUMBER_SORT,
                invalid + "Incorrect operand type for operator or function; operator or function: <, operand type: L",
                ":p", s("x"), ":s", l());
        rejected("pk = :p" + " ".repeat(4100), NUMBER_SORT,
                invalid + "Expression size has exceeded the maximum allowed size; expression size: 4107", ":p", s("x"));
    }

    @Test
    void emptyPartitionValues() {
        rejected("pk = :p", NUMBER_SORT, "One or more parameter values are not valid. The AttributeValue for a key "
                + "attribute cannot contain an empty string value. Key: pk", ":p", s(""));
    }
}
