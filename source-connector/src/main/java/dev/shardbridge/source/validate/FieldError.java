package dev.shardbridge.source.validate;

/** A problem a user can fix, attached to the configuration key it belongs to. */
record FieldError(String key, String message) {
}
