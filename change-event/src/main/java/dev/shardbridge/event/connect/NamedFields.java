package dev.shardbridge.event.connect;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.Map;

/**
 * By-name access to a Connect struct or to the map a schemaless converter makes of it, so one
 * decoder reads events whether the worker's converter kept schemas or not.
 */
final class NamedFields {

    private final Object container;
    private final String what;

    private NamedFields(Object container, String what) {
        this.container = container;
        this.what = what;
    }

    /**
     * @param container a {@link Struct} or a {@link Map} with string keys
     * @param what      what the container should be, for error messages
     */
    static NamedFields of(Object container, String what) {
        if (!(container instanceof Struct) && !(container instanceof Map)) {
            throw new DataException("Expected " + what + " as a Struct or Map, found "
                    + (container == null ? "null" : container.getClass().getName()));
        }
        return new NamedFields(container, what);
    }

    /** The field's value, which may be null; the field itself must exist. */
    Object optional(String name) {
        if (container instanceof Struct struct) {
            Field field = struct.schema().field(name);
            if (field == null) {
                throw missing(name);
            }
            return struct.get(field);
        }
        Map<?, ?> map = (Map<?, ?>) container;
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            throw missing(name);
        }
        return value;
    }

    Object required(String name) {
        Object value = optional(name);
        if (value == null) {
            throw new DataException(what + " has a null '" + name + "'");
        }
        return value;
    }

    String string(String name) {
        return cast(name, optional(name), String.class);
    }

    String requiredString(String name) {
        return cast(name, required(name), String.class);
    }

    long requiredLong(String name) {
        return cast(name, required(name), Number.class).longValue();
    }

    boolean requiredBoolean(String name) {
        return cast(name, required(name), Boolean.class);
    }

    private <T> T cast(String name, Object value, Class<T> type) {
        if (value != null && !type.isInstance(value)) {
            throw new DataException(what + " field '" + name + "' should be a " + type.getSimpleName()
                    + ", found " + value.getClass().getName());
        }
        return type.cast(value);
    }

    private DataException missing(String name) {
        return new DataException(what + " has no field '" + name + "'; is this a shardbridge change event?");
    }
}
