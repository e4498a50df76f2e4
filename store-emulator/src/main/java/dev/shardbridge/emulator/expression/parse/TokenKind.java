package dev.shardbridge.emulator.expression.parse;

/** The lexical tokens of DynamoDB's expression languages (one lexer serves all of them, as in AWS). */
enum TokenKind {
    IDENTIFIER,
    NAME_PLACEHOLDER,
    VALUE_PLACEHOLDER,
    NUMBER,
    // Keywords of any of the languages, case-insensitive; never attribute names, in any expression.
    AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, DOT, COMMA,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    /** A character no token starts with; the parser reports it as the offending token. */
    UNKNOWN,
    END;

    static TokenKind keyword(String word) {
        return switch (word.length()) {
            case 2 -> word.equalsIgnoreCase("OR") ? OR : word.equalsIgnoreCase("IN") ? IN : null;
            case 3 -> word.equalsIgnoreCase("AND") ? AND : word.equalsIgnoreCase("NOT") ? NOT
                    : word.equalsIgnoreCase("SET") ? SET : word.equalsIgnoreCase("ADD") ? ADD : null;
            case 6 -> word.equalsIgnoreCase("REMOVE") ? REMOVE : word.equalsIgnoreCase("DELETE") ? DELETE : null;
            case 7 -> word.equalsIgnoreCase("BETWEEN") ? BETWEEN : null;
            default -> null;
        };
    }

    boolean isUpdateSection() {
        return this == SET || this == REMOVE || this == ADD || this == DELETE;
    }
}
