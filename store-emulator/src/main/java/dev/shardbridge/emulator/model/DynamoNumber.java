package dev.shardbridge.emulator.model;

import dev.shardbridge.emulator.error.DynamoDbException;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules: at most 38 significant digits, positive magnitudes from 1E-130 up to
 * 9.9999999999999999999999999999999999999E+125 (and the same negative), stored normalised so that
 * {@code 1.50}, {@code 15E-1} and {@code 1.5} are the same number.
 */
public final class DynamoNumber {
    public static final int MAX_SIGNIFICANT_DIGITS = 38;
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal UPPER_BOUND = new BigDecimal("1E+126");

    private DynamoNumber() {
    }

    /** Parses and validates a number as DynamoDB would accept it, returning its normalised form. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            value = parseSyntax(text);
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("A value provided cannot be converted into a number");
        }
        return validate(value);
    }

    /** Validates an already computed value, e.g. the result of {@code SET a = a + :n}. */
    public static BigDecimal validate(BigDecimal value) {
        BigDecimal normalised = normalise(value);
        if (normalised.signum() == 0) {
            return normalised;
        }
        if (normalised.precision() > MAX_SIGNIFICANT_DIGITS) {
            throw DynamoDbException.validation(
                    "Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = normalised.abs();
        if (magnitude.compareTo(UPPER_BOUND) >= 0) {
            throw DynamoDbException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw DynamoDbException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return normalised;
    }

    public static BigDecimal normalise(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** DynamoDB writes numbers back in plain notation, without an exponent. */
    public static String format(BigDecimal normalised) {
        return normalised.toPlainString();
    }

    /**
     * Accepts what DynamoDB accepts: optional sign, digits with an optional fraction, an optional
     * exponent; no surrounding white space, no hex, no "NaN"/"Infinity".
     */
    private static BigDecimal parseSyntax(String text) {
        if (text.isEmpty() || text.length() > 1024 || !looksNumeric(text)) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(text);
    }

    private static boolean looksNumeric(String text) {
        int i = 0;
        int n = text.length();
        if (text.charAt(i) == '-' || text.charAt(i) == '+') {
            i++;
        }
        int digits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }
}
