package dev.shardbridge.emulator.expression.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> kinds(String text) {
        return Lexer.tokenize(text).stream().map(token -> token.kind() + ":" + token.text()).toList();
    }

    @Test
    void identifiersPlaceholdersAndKeywords() {
        assertThat(kinds("a_1 #n1 :v_2 and Between NOT")).containsExactly("IDENTIFIER:a_1", "NAME_PLACEHOLDER:#n1",
                "VALUE_PLACEHOLDER:v_2".replace("v_2", ":v_2"), "AND:and", "BETWEEN:Between", "NOT:NOT", "END:");
    }

    @Test
    void operatorsAndPunctuation() {
        assertThat(kinds("<><=>=<>=()[].,+-")).containsExactly("NE:<>", "LE:<=", "GE:>=", "NE:<>", "EQ:=",
                "LEFT_PAREN:(", "RIGHT_PAREN:)", "LEFT_BRACKET:[", "RIGHT_BRACKET:]", "DOT:.", "COMMA:,", "PLUS:+",
                "MINUS:-", "END:");
    }

    @Test
    void numbersHaveNoLeadingZeros() {
        assertThat(kinds("[0][12][007]")).containsExactly("LEFT_BRACKET:[", "NUMBER:0", "RIGHT_BRACKET:]",
                "LEFT_BRACKET:[", "NUMBER:12", "RIGHT_BRACKET:]", "LEFT_BRACKET:[", "NUMBER:0", "NUMBER:0", "NUMBER:7",
                "RIGHT_BRACKET:]", "END:");
    }

    @Test
    void strayCharactersBecomeSingleUnknownTokens() {
        assertThat(kinds("_a # : \uD83D\uDE00")).containsExactly("UNKNOWN:_", "IDENTIFIER:a", "UNKNOWN:#", "UNKNOWN::",
                "UNKNOWN:\uD83D\uDE00", "END:");
    }

    @Test
    void tokensKnowWhereTheyAre() {
        List<Token> tokens = Lexer.tokenize(" a  = :v ");
        assertThat(tokens).extracting(Token::start).containsExactly(1, 4, 6, 9);
        assertThat(tokens).extracting(Token::end).containsExactly(2, 5, 8, 9);
    }
}
