package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.DynamoNumber;

/**
 * The wording of AWS's messages about a spot in an expression, without the "Invalid &lt;Kind&gt;: " prefix
 * (see {@link dev.shardbridge.emulator.expression.ExpressionErrors#invalid}). Checked against DynamoDB
 * Local 2.6.1; the odd spacing and trailing semicolons are AWS's.
 */
final class ExpressionMessages {
    static final String EMPTY = "The expression can not be empty;";
    static final String REDUNDANT_PARENTHESES = "The expression has redundant parentheses;";

    /** What DynamoDB Local reports when attribute_type's type operand is not a value; its internal type list. */
    static final String ANY_ATTRIBUTE_TYPE =
            "{HDS,L,FS,DOUBLE,DICT,BS,DOUBLESET,INTSET,S,SS,NULL,FLOAT,N,DECIMAL,HD,M,DECIMALSET,B,INT,NS,BOOL}";

    private ExpressionMessages() {
    }

    static String syntaxError(String token, String near) {
        return "Syntax error; token: \"" + token + "\", near: \"" + near + "\"";
    }

    static String reservedKeyword(String word) {
        return "Attribute name is a reserved keyword; reserved keyword: " + word;
    }

    static String listIndexOutOfRange(String index) {
        return "List index is not within the allowable range; index: [" + index + "]";
    }

    static String tooManyNestingLevels(int levels) {
        return "The document path has too many nesting levels; nesting levels: " + levels;
    }

    static String tooManyOperators(int count) {
        return "The expression contains too many operators; operator count: " + count;
    }

    static String undefinedName(String placeholder) {
        return ExpressionErrors.undefinedName(placeholder);
    }

    static String undefinedValue(String placeholder) {
        return ExpressionErrors.undefinedValue(placeholder);
    }

    static String invalidFunctionName(String function) {
        return "Invalid function name; function: " + function;
    }

    static String functionMisused(String function) {
        return "The function is not allowed to be used this way in an expression; function: " + function;
    }

    static String functionNotAllowed(String expressionType, String function) {
        return "The function is not allowed in " + expressionType + " expression; function: " + function;
    }

    static String operandCount(String function, int count) {
        return "Incorrect number of operands for operator or function; operator or function: " + function
                + ", number of operands: " + count;
    }

    static String requiresDocumentPath(String function) {
        return "Operator or function requires a document path; operator or function: " + function;
    }

    static String operandType(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + type;
    }

    static String operandType(String function, AttributeType type) {
        return operandType(function, type.name());
    }

    /** ADD and DELETE word it differently and spell the type out (STRING, NUMBER, ...). */
    static String actionOperandType(String action, AttributeType type) {
        String typeName = switch (type) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case L -> "LIST";
            case M -> "MAP";
            default -> type.name();
        };
        return "Incorrect operand type for operator or function; operator: " + action + ", operand type: " + typeName
                + ", typeSet: ALLOWED_FOR_" + action + "_OPERAND";
    }

    static String invalidAttributeTypeName(String name) {
        return "Invalid attribute type name found; type: " + name + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}";
    }

    static String notDistinct(String operator, DocumentPath path) {
        return "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                + operator + ", first operand: " + path;
    }

    static String betweenTypes(AttributeValue lower, AttributeValue upper) {
        return "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds(lower, upper);
    }

    static String betweenOrder(AttributeValue lower, AttributeValue upper) {
        return "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                + bounds(lower, upper);
    }

    static String tooManyInOperands(int count) {
        return "The IN operator is provided with too many operands; number of operands: " + count;
    }

    static String sectionRepeated(String section) {
        return "The \"" + section + "\" section can only be used once in an update expression;";
    }

    static String pathsOverlap(DocumentPath one, DocumentPath two) {
        return "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                + one + ", path two: " + two;
    }

    static String pathsConflict(DocumentPath one, DocumentPath two) {
        return "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                + one + ", path two: " + two;
    }

    private static String bounds(AttributeValue lower, AttributeValue upper) {
        return "lower bound operand: AttributeValue: {" + render(lower) + "}, upper bound operand: AttributeValue: {"
                + render(upper) + "}";
    }

    /** Only S, N and B reach BETWEEN's bound checks. */
    private static String render(AttributeValue value) {
        return value.type() + ":" + switch (value.type()) {
            case S -> ((AttributeValue.StringValue) value).value();
            case N -> DynamoNumber.format(((AttributeValue.NumberValue) value).value());
            case B -> ((AttributeValue.BinaryValue) value).value().toBase64();
            default -> value.toString();
        };
    }
}
