package dev.shardbridge.emulator.expression.parse;

/**
 * A token and where it is in the expression text ({@code start} inclusive, {@code end} exclusive), so that
 * syntax errors can quote the text around it and semantic problems can be ordered by position.
 */
record Token(TokenKind kind, String text, int start, int end) {

    /** How AWS quotes the token in "Syntax error; token: ..." messages. */
    String display() {
        return kind == TokenKind.END ? "<EOF>" : text;
    }
}
