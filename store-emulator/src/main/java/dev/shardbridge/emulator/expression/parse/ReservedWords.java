package dev.shardbridge.emulator.expression.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words, which may not be attribute names in an expression unless given through an
 * {@code #placeholder}. The list is AWS's published one ("Reserved words in DynamoDB"), kept as data in
 * {@code reserved-words.txt} and read once.
 */
final class ReservedWords {
    private static final String RESOURCE = "/dev/shardbridge/emulator/expression/reserved-words.txt";
    private static final Set<String> WORDS = load();

    private ReservedWords() {
    }

    /** Whether a plain identifier is reserved; the list is case-insensitive. */
    static boolean isReserved(String identifier) {
        return WORDS.contains(identifier.toUpperCase(Locale.ROOT));
    }

    static int count() {
        return WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> words = new HashSet<>(1024);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
