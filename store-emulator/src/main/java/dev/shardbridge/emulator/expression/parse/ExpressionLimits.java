package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.ExpressionKind;
import java.util.Objects;

/** DynamoDB's size limits on expressions ("Expression parameters" in the AWS limits documentation). */
final class ExpressionLimits {
    /** Counted in characters: DynamoDB Local accepts 2,100 two-byte characters. */
    static final int MAX_LENGTH = 4096;
    static final int MAX_OPERATORS = 300;
    static final int MAX_PATH_DEPTH = 32;
    static final int MAX_IN_OPERANDS = 100;

    private ExpressionLimits() {
    }

    /** The checks AWS makes before parsing at all. */
    static void checkText(String text, ExpressionKind kind) {
        Objects.requireNonNull(text, "expression text");
        if (text.isEmpty()) {
            throw ExpressionErrors.invalid(kind, ExpressionMessages.EMPTY);
        }
        if (text.length() > MAX_LENGTH) {
            // Only the condition-language parameters report the size.
            boolean withSize = kind != ExpressionKind.UPDATE && kind != ExpressionKind.PROJECTION;
            throw ExpressionErrors.invalid(kind, "Expression size has exceeded the maximum allowed size"
                    + (withSize ? "; expression size: " + text.length() : ";"));
        }
    }
}
