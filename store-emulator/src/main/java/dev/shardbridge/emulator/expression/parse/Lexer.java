package dev.shardbridge.emulator.expression.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Identifiers start with an ASCII letter and go on with letters, digits
 * and underscores; placeholders are {@code #} or {@code :} followed by at least one of those; numbers
 * (list indexes) are {@code 0} or have no leading zero, so {@code [007]} fails on its second token as in
 * AWS. Anything else becomes a one-character {@link TokenKind#UNKNOWN} token for the parser to reject.
 */
final class Lexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                position++;
            } else if (isLetter(c)) {
                int start = position;
                skipWordCharacters();
                String word = text.substring(start, position);
                TokenKind keyword = TokenKind.keyword(word);
                add(keyword != null ? keyword : TokenKind.IDENTIFIER, start);
            } else if (c == '#' || c == ':') {
                int start = position++;
                skipWordCharacters();
                if (position == start + 1) {
                    add(TokenKind.UNKNOWN, start);
                } else {
                    add(c == '#' ? TokenKind.NAME_PLACEHOLDER : TokenKind.VALUE_PLACEHOLDER, start);
                }
            } else if (c >= '0' && c <= '9') {
                int start = position++;
                if (c != '0') {
                    while (position < text.length() && isDigit(text.charAt(position))) {
                        position++;
                    }
                }
                add(TokenKind.NUMBER, start);
            } else {
                punctuation(c);
            }
        }
        tokens.add(new Token(TokenKind.END, "", text.length(), text.length()));
    }

    private void punctuation(char c) {
        int start = position++;
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LEFT_PAREN;
            case ')' -> TokenKind.RIGHT_PAREN;
            case '[' -> TokenKind.LEFT_BRACKET;
            case ']' -> TokenKind.RIGHT_BRACKET;
            case '.' -> TokenKind.DOT;
            case ',' -> TokenKind.COMMA;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '=' -> TokenKind.EQ;
            case '<' -> followedBy('=') ? TokenKind.LE : followedBy('>') ? TokenKind.NE : TokenKind.LT;
            case '>' -> followedBy('=') ? TokenKind.GE : TokenKind.GT;
            default -> {
                if (Character.isHighSurrogate(c) && position < text.length()
                        && Character.isLowSurrogate(text.charAt(position))) {
                    position++;
                }
                yield TokenKind.UNKNOWN;
            }
        };
        add(kind, start);
    }

    private boolean followedBy(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void skipWordCharacters() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (!isLetter(c) && !isDigit(c) && c != '_') {
                return;
            }
            position++;
        }
    }

    private void add(TokenKind kind, int start) {
        tokens.add(new Token(kind, text.substring(start, position), start, position));
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
