package dev.shardbridge.emulator.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression parameters of an operation and the legacy parameters they replaced. AWS rejects a
 * request that mixes the two kinds, and placeholders sent without any expression that could use them.
 * The emulator implements expressions only, so a legacy parameter on its own is rejected too rather than
 * silently ignored (an ignored {@code Expected} would turn a conditional write into a blind one).
 */
public enum ExpressionParameters {
    GET_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet")),
    PUT_OR_DELETE_ITEM(List.of("ConditionExpression"), List.of("Expected")),
    UPDATE_ITEM(List.of("UpdateExpression", "ConditionExpression"), List.of("AttributeUpdates", "Expected")),
    QUERY(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
            List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")),
    SCAN(List.of("ProjectionExpression", "FilterExpression"),
            List.of("AttributesToGet", "ScanFilter", "ConditionalOperator")),
    /** One table's KeysAndAttributes in a BatchGetItem. */
    BATCH_GET_TABLE(List.of("ProjectionExpression"), List.of("AttributesToGet"));

    private static final String PROJECTION = "ProjectionExpression";

    private final List<String> expressions;
    private final List<String> legacy;

    ExpressionParameters(List<String> expressions, List<String> legacy) {
        this.expressions = expressions;
        this.legacy = legacy;
    }

    /** Applies AWS's rules in AWS's order, then refuses what the emulator does not implement. */
    public void check(ObjectNode body) {
        List<String> presentExpressions = present(body, expressions);
        List<String> presentLegacy = present(body, legacy);
        // A Query may state its key with KeyConditions while filtering with an expression.
        if (this == QUERY && !has(body, "KeyConditionExpression")) {
            presentLegacy.remove("KeyConditions");
        }
        if (!presentExpressions.isEmpty() && !presentLegacy.isEmpty()) {
            throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the "
                    + "same request: Non-expression parameters: {" + String.join(", ", presentLegacy) + "} "
                    + "Expression parameters: {" + String.join(", ", presentExpressions) + "}");
        }
        if (has(body, "ExpressionAttributeNames") && presentExpressions.isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = expressions.stream().filter(name -> !name.equals(PROJECTION)).toList();
        if (has(body, "ExpressionAttributeValues") && !valueExpressions.isEmpty()
                && valueExpressions.stream().noneMatch(name -> has(body, name))) {
            throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using "
                    + "expressions: " + String.join(" and ", valueExpressions)
                    + (valueExpressions.size() > 1 ? " are null" : " is null"));
        }
        List<String> unsupported = present(body, legacy);
        unsupported.remove("ConditionalOperator");
        if (!unsupported.isEmpty()) {
            throw DynamoDbException.validation("The legacy parameters " + unsupported + " are not supported by the "
                    + "shardbridge store emulator; use " + String.join(", ", expressions) + " instead");
        }
    }

    private static List<String> present(ObjectNode body, List<String> members) {
        List<String> present = new ArrayList<>();
        for (String member : members) {
            if (has(body, member)) {
                present.add(member);
            }
        }
        return present;
    }

    private static boolean has(ObjectNode body, String member) {
        JsonNode node = body.get(member);
        return node != null && !node.isNull();
    }
}
