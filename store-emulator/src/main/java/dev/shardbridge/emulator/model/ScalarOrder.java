package dev.shardbridge.emulator.model;

/**
 * DynamoDB's ordering of scalar values, used for sort keys and comparisons: numbers numerically,
 * strings by their UTF-8 bytes (unsigned), binaries by their bytes (unsigned). Values of different
 * types are not ordered against each other.
 */
public final class ScalarOrder {

    private ScalarOrder() {
    }

    /** Whether {@link #compare} is defined for the two values. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a.type() == b.type() && a.type().isScalarKeyType();
    }

    /** Compares two values of the same scalar type (S, N or B). */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (!comparable(a, b)) {
            throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
        }
        return switch (a.type()) {
            case N -> ((AttributeValue.NumberValue) a).value().compareTo(((AttributeValue.NumberValue) b).value());
            case S -> compareUtf8(((AttributeValue.StringValue) a).value(), ((AttributeValue.StringValue) b).value());
            case B -> ((AttributeValue.BinaryValue) a).value().compareTo(((AttributeValue.BinaryValue) b).value());
            default -> throw new IllegalStateException();
        };
    }

    /**
     * UTF-8 byte order equals code point order, which differs from Java's UTF-16 order only for
     * supplementary characters against U+E000..U+FFFF; compare code points to stay allocation-free.
     */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
