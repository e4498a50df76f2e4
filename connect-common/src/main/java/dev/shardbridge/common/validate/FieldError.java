package dev.shardbridge.common.validate;

/** A problem a user can fix, attached to the configuration key it belongs to. */
public record FieldError(String key, String message) {
}
