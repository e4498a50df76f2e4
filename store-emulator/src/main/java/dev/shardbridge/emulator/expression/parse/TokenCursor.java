package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ExpressionErrors;
import dev.shardbridge.emulator.expression.ExpressionKind;
import java.util.List;

/** Walks the tokens of one expression and words syntax errors as AWS does. */
final class TokenCursor {
    private final String text;
    private final ExpressionKind kind;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String text, ExpressionKind kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text);
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (the end token repeats). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind tokenKind) {
        return peek().kind() == tokenKind;
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }

    boolean accept(TokenKind tokenKind) {
        if (at(tokenKind)) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(TokenKind tokenKind) {
        if (!at(tokenKind)) {
            throw syntaxError();
        }
        return next();
    }

    /**
     * A syntax error at the current token. AWS quotes the text from the previous token through the next
     * one, e.g. token ")" near ":v)" for {@code a = :v)}, or token "&lt;EOF&gt;" near "= " for {@code a = }.
     */
    DynamoDbException syntaxError() {
        Token offending = peek();
        int from = index > 0 ? tokens.get(index - 1).start() : 0;
        int to;
        if (offending.kind() == TokenKind.END) {
            to = text.length();
        } else {
            Token following = tokens.get(index + 1);
            to = following.kind() == TokenKind.END ? offending.end() : following.end();
        }
        return ExpressionErrors.invalid(kind, ExpressionMessages.syntaxError(offending.display(), text.substring(from, to)));
    }
}
