package dev.shardbridge.event.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * How a DynamoDB number (N, a decimal string of up to 38 significant digits, magnitude 1E-130 to
 * 9.99..E+125) is written to and read from CBOR without ever passing through a double.
 *
 * <ul>
 *   <li>An integer ({@code scale == 0}) is a CBOR integer, or a bignum (tags 2/3) past 64 bits.</li>
 *   <li>Any other number is a decimal fraction (tag 4, {@code [exponent, mantissa]}).</li>
 *   <li>In typed positions ({@link #writeExact}), a string that {@link BigDecimal#toString()} would
 *       not reproduce character for character ({@code "0.0000001"}, {@code "1e5"}, {@code "-0"}) is
 *       written as the text itself, so the reader returns exactly the string the store gave.</li>
 * </ul>
 */
public final class ExactNumbers {

    private ExactNumbers() {
    }

    /** Writes {@code number} so that {@link #read} returns the identical string. */
    public static void writeExact(CBORGenerator out, String number) throws IOException {
        if (isPlainLong(number)) {
            out.writeNumber(Long.parseLong(number));
            return;
        }
        BigDecimal value = parse(number);
        if (value.toString().equals(number)) {
            writeNumeric(out, value);
        } else {
            out.writeString(number);
        }
    }

    /** Writes the numeric value of {@code number}, always as a CBOR number (its text form may change). */
    public static void writeNumeric(CBORGenerator out, String number) throws IOException {
        if (isPlainLong(number)) {
            out.writeNumber(Long.parseLong(number));
        } else {
            writeNumeric(out, parse(number));
        }
    }

    private static void writeNumeric(CBORGenerator out, BigDecimal value) throws IOException {
        if (value.scale() != 0) {
            out.writeNumber(value);
        } else if (value.unscaledValue().bitLength() < 64) {
            out.writeNumber(value.longValueExact());
        } else {
            out.writeNumber(value.unscaledValue());
        }
    }

    /**
     * Reads a number written by {@link #writeExact}: the parser must be on an integer, a decimal
     * fraction or a text string.
     *
     * @throws DataException for floating-point values, which cannot be exact
     */
    public static String read(JsonParser in, AttributePath where) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String text = in.getText();
            if (in instanceof CBORParser) {
                // In CBOR, text is the rare non-canonical spelling: check it is a number at all.
                parse(text, where);
            }
            return text;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? in.getBigIntegerValue().toString()
                    : Long.toString(in.getLongValue());
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT && in.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
            return in.getDecimalValue().toString();
        }
        throw new DataException(where + ": a number must be an integer, a decimal fraction (tag 4) or a decimal"
                + " string, not " + describe(in));
    }

    private static String describe(JsonParser in) throws IOException {
        return in.currentToken() == JsonToken.VALUE_NUMBER_FLOAT ? "a floating-point value (inexact)" : String.valueOf(in.currentToken());
    }

    private static BigDecimal parse(String number) {
        return parse(number, null);
    }

    private static BigDecimal parse(String number, AttributePath where) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new DataException((where == null ? "" : where + ": ") + "not a DynamoDB number: '" + number + "'", e);
        }
    }

    /** True for canonical integers that fit a long: no sign but '-', no leading zeros, no "-0". */
    private static boolean isPlainLong(String number) {
        int length = number.length();
        int start = length > 0 && number.charAt(0) == '-' ? 1 : 0;
        int digits = length - start;
        if (digits == 0 || digits > 18) {
            return false;
        }
        if (number.charAt(start) == '0') {
            return digits == 1 && start == 0;
        }
        for (int i = start; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
