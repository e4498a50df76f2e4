package dev.shardbridge.event;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A seeded generator of items and change events covering every attribute type at any depth, with
 * the awkward values a lossless codec must survive: empty strings and binaries, astral-plane text,
 * 400 KB binaries, and numbers at DynamoDB's limits in canonical and non-canonical spellings.
 */
public final class RandomItems {

    /** Numbers at DynamoDB's limits and at the edges of our encodings (long range, plain vs. exponent form). */
    public static final List<String> EDGE_NUMBERS = List.of(
            "1E-130", "-1E-130",
            "9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125",
            "12345678901234567890123456789012345678", "-12345678901234567890123456789012345678",
            "0", "1", "-1", "100", "1E+2", "0.1", "-0.5", "3.14159265358979323846264338327950288",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "-18446744073709551617", "999999999999999999", "1000000000000000000",
            "0.0000001", "0.000001", "1.50", "1e5", "-0", "007", "+1", ".5");

    private static final String[] TEXT_PIECES = {
        "a", "Z", "7", " ", "-", "_", "\"", "\\", "\n", "\t", "\u0000", "é", "ß", "Ω", "ж", "中", "文", "日本",
        "\uD83D\uDE00", "\uD83D\uDCE6", "\uD834\uDD1E", "e\u0301", "\u200B", "\uFEFF", "{\"S\":\"x\"}"
    };

    private final Random random;
    private final int largeBinaryEvery;
    private int binaries;

    /**
     * @param seed             the seed; equal seeds give equal sequences
     * @param largeBinaryEvery every n-th binary value is 400 KB (0 for never)
     */
    public RandomItems(long seed, int largeBinaryEvery) {
        this.random = new Random(seed);
        this.largeBinaryEvery = largeBinaryEvery;
    }

    /** A change event with random op, images that fit the op, and a random source position. */
    public ChangeEvent event(TableKey tableKey, int maxDepth) {
        Operation op = Operation.values()[random.nextInt(Operation.values().length)];
        Map<String, AttributeValue> item = item(tableKey, maxDepth);
        Map<String, AttributeValue> key = tableKey.keyOf(item);
        boolean keysOnly = random.nextInt(10) == 0;
        Map<String, AttributeValue> before = switch (op) {
            case UPDATE, DELETE -> keysOnly ? null : withKey(key, maxDepth);
            default -> null;
        };
        Map<String, AttributeValue> after = op == Operation.DELETE || keysOnly ? null : item;
        boolean snapshot = op == Operation.READ;
        SourceInfo source = new SourceInfo("dynamodb", "1.2.3", "parcels",
                snapshot ? null : "arn:aws:dynamodb:eu-west-1:000000000000:table/parcels/stream/2024-01-01T00:00:00.000",
                snapshot ? null : "shardId-" + random.nextInt(1000),
                snapshot ? null : digits(21 + random.nextInt(20)),
                Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)), snapshot);
        return new ChangeEvent(op, key, before, after, source, Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000)));
    }

    /** An item holding the table's key attributes and up to a dozen others. */
    public Map<String, AttributeValue> item(TableKey tableKey, int maxDepth) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (String name : tableKey.attributeNames()) {
            item.put(name, keyValue());
        }
        int attributes = random.nextInt(13);
        for (int i = 0; i < attributes; i++) {
            item.putIfAbsent(name(), value(maxDepth));
        }
        if (maxDepth > 0 && random.nextInt(3) == 0) {
            item.put("deep", nested(maxDepth));
        }
        return item;
    }

    /** An M or L nested exactly {@code depth} levels deep, with random siblings on the way down. */
    public AttributeValue nested(int depth) {
        if (depth == 0) {
            return value(0);
        }
        if (random.nextBoolean()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            map.put(name(), value(random.nextInt(depth)));
            map.put("next", nested(depth - 1));
            return AttributeValue.fromM(map);
        }
        List<AttributeValue> list = new ArrayList<>();
        list.add(nested(depth - 1));
        list.add(value(random.nextInt(depth)));
        return AttributeValue.fromL(list);
    }

    private Map<String, AttributeValue> withKey(Map<String, AttributeValue> key, int maxDepth) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        int attributes = random.nextInt(8);
        for (int i = 0; i < attributes; i++) {
            item.putIfAbsent(name(), value(maxDepth));
        }
        return item;
    }

    /** A key attribute value: S, N or B. */
    public AttributeValue keyValue() {
        return switch (random.nextInt(3)) {
            case 0 -> AttributeValue.fromS(text(1 + random.nextInt(12)));
            case 1 -> AttributeValue.fromN(number());
            default -> AttributeValue.fromB(SdkBytes.fromByteArray(smallBytes(1 + random.nextInt(16))));
        };
    }

    /** Any attribute value; containers nest until {@code depth} runs out. */
    public AttributeValue value(int depth) {
        int kinds = depth > 0 ? 10 : 8;
        return switch (random.nextInt(kinds)) {
            case 0 -> AttributeValue.fromS(text(random.nextInt(4) == 0 ? 0 : random.nextInt(24)));
            case 1 -> AttributeValue.fromN(number());
            case 2 -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes()));
            case 3 -> AttributeValue.fromBool(random.nextBoolean());
            case 4 -> AttributeValue.fromNul(true);
            case 5 -> AttributeValue.fromSs(distinct(() -> text(random.nextInt(10))));
            case 6 -> AttributeValue.fromNs(distinct(this::number));
            case 7 -> AttributeValue.fromBs(distinct(() -> SdkBytes.fromByteArray(smallBytes(random.nextInt(12)))));
            case 8 -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                int members = random.nextInt(5);
                for (int i = 0; i < members; i++) {
                    map.put(name(), value(depth - 1));
                }
                yield AttributeValue.fromM(map);
            }
            default -> {
                List<AttributeValue> list = new ArrayList<>();
                int elements = random.nextInt(5);
                for (int i = 0; i < elements; i++) {
                    list.add(value(depth - 1));
                }
                yield AttributeValue.fromL(list);
            }
        };
    }

    /** A DynamoDB number: an edge case, or up to 38 significant digits at an exponent in range. */
    public String number() {
        if (random.nextInt(8) == 0) {
            return EDGE_NUMBERS.get(random.nextInt(EDGE_NUMBERS.size()));
        }
        int digits = 1 + random.nextInt(38);
        BigInteger unscaled = new BigInteger(digits(digits).replaceFirst("^0", "1"));
        int exponent = random.nextInt(4) == 0 ? -130 + random.nextInt(256) : -8 + random.nextInt(30);
        BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), digits - 1 - exponent);
        if (random.nextInt(3) == 0) {
            value = value.stripTrailingZeros();
        }
        return random.nextInt(4) == 0 ? value.toPlainString() : value.toString();
    }

    private String name() {
        String name = text(1 + random.nextInt(10));
        return random.nextInt(6) == 0 ? name : "attr_" + name;
    }

    private String text(int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        }
        return text.toString();
    }

    private byte[] bytes() {
        binaries++;
        if (largeBinaryEvery > 0 && binaries % largeBinaryEvery == 0) {
            return smallBytes(400 * 1024);
        }
        return smallBytes(random.nextInt(5) == 0 ? 0 : random.nextInt(64));
    }

    private byte[] smallBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private <T> List<T> distinct(Supplier<T> element) {
        Set<T> set = new LinkedHashSet<>();
        int size = 1 + random.nextInt(5);
        while (set.size() < size) {
            set.add(element.get());
        }
        return new ArrayList<>(set);
    }
}
