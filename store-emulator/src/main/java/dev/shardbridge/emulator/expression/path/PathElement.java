package dev.shardbridge.emulator.expression.path;

import java.util.Objects;

/** One step of a document path: a map key (or the top-level attribute name) or a list index. */
public sealed interface PathElement permits PathElement.Name, PathElement.Index {

    /** An attribute name or map key, already resolved from any {@code #placeholder}. */
    record Name(String name) implements PathElement {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index; DynamoDB accepts 0 up to {@link Integer#MAX_VALUE}. */
    record Index(int index) implements PathElement {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative list index " + index);
            }
        }

        /** AWS prints indexes in brackets inside path lists: {@code [a, [1], b]}. */
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}
