package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;

/** Typed reads of envelope fields, failing with the field's name rather than a parser position. */
final class CborFields {

    private CborFields() {
    }

    static String text(JsonParser in, String field) throws IOException {
        require(in, field, JsonToken.VALUE_STRING, "a text string");
        return in.getText();
    }

    static String nullableText(JsonParser in, String field) throws IOException {
        return in.currentToken() == JsonToken.VALUE_NULL ? null : text(in, field);
    }

    static long int64(JsonParser in, String field) throws IOException {
        require(in, field, JsonToken.VALUE_NUMBER_INT, "an integer");
        if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new DataException("Field '" + field + "' does not fit in 64 bits");
        }
        return in.getLongValue();
    }

    static boolean bool(JsonParser in, String field) throws IOException {
        JsonToken token = in.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new DataException("Field '" + field + "' should be a boolean, found " + token);
        }
        return token == JsonToken.VALUE_TRUE;
    }

    static void require(JsonParser in, String field, JsonToken expected, String what) {
        if (in.currentToken() != expected) {
            throw new DataException("Field '" + field + "' should be " + what + ", found " + in.currentToken());
        }
    }
}
