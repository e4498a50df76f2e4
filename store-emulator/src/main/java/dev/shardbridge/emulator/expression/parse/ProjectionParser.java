package dev.shardbridge.emulator.expression.parse;

import dev.shardbridge.emulator.expression.ExpressionAttributes;
import dev.shardbridge.emulator.expression.ExpressionKind;
import dev.shardbridge.emulator.expression.path.DocumentPath;
import java.util.ArrayList;
import java.util.List;

/** Parses a ProjectionExpression: {@code path (',' path)*}, paths neither overlapping nor conflicting. */
public final class ProjectionParser extends ExpressionParser {

    private ProjectionParser(String text, ExpressionAttributes attributes) {
        super(text, ExpressionKind.PROJECTION, attributes);
    }

    public static List<DocumentPath> parse(String text, ExpressionAttributes attributes) {
        ProjectionParser parser = new ProjectionParser(text, attributes);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            int index = paths.size();
            paths.add(parser.parsePath(Problems.Stage.PATHS, token -> index));
        } while (parser.cursor.accept(TokenKind.COMMA));
        parser.expectEnd();
        parser.requireDisjoint(paths, false);
        parser.finish();
        return paths;
    }
}
