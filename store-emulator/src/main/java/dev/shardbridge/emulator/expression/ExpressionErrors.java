package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The ValidationExceptions of the expression language that are not about one spot in an expression's
 * text, worded as AWS words them (checked against DynamoDB Local 2.6.1).
 */
public final class ExpressionErrors {

    private ExpressionErrors() {
    }

    /** A problem with the expression text itself: AWS names the request parameter first. */
    public static DynamoDbException invalid(ExpressionKind kind, String detail) {
        return DynamoDbException.validation("Invalid " + kind.parameterName() + ": " + detail);
    }

    /** The detail of the error for an undefined {@code #placeholder}. */
    public static String undefinedName(String placeholder) {
        return "An expression attribute name used in the document path is not defined; attribute name: " + placeholder;
    }

    /** The detail of the error for an undefined {@code :placeholder}. */
    public static String undefinedValue(String placeholder) {
        return "An expression attribute value used in expression is not defined; attribute value: " + placeholder;
    }

    /** A SET, REMOVE, ADD or DELETE target whose containing map or list does not exist, or is not one. */
    public static DynamoDbException invalidDocumentPathForUpdate() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }

    /** An update operand (outside {@code if_not_exists}) that names an attribute the item does not have. */
    public static DynamoDbException missingAttribute() {
        return DynamoDbException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    /** An update operand whose runtime type does not suit its operator or function. */
    public static DynamoDbException incorrectOperandType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }

    /** Arithmetic in an update whose exact result needs more than 38 significant digits. */
    public static DynamoDbException arithmeticPrecision() {
        return DynamoDbException.validation("DynamoDB only supports precision up to 38 digits");
    }

    static DynamoDbException invalidNameKey(String key) {
        return DynamoDbException.validation(
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    static DynamoDbException emptyName(String key) {
        return DynamoDbException.validation(
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
    }

    static DynamoDbException invalidValueKey(String key) {
        return DynamoDbException.validation(
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    /** AWS lists the unused placeholders sorted, as {@code {:a, :b}}. */
    static DynamoDbException unused(String parameterName, Collection<String> keys) {
        return DynamoDbException.validation("Value provided in " + parameterName + " unused in expressions: keys: {"
                + String.join(", ", new TreeSet<>(keys)) + "}");
    }
}
