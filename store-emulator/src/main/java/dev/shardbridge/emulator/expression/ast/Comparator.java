package dev.shardbridge.emulator.expression.ast;

/** The comparison operators of the condition language. */
public enum Comparator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether this operator orders values, which DynamoDB allows only for S, N and B. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator with its operands swapped: {@code :v < k} is {@code k > :v}. */
    public Comparator mirrored() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether a three-way comparison result satisfies an ordering operator. */
    public boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
