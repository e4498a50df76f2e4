package dev.shardbridge.sink.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stamps tombstones with an expiry time so DynamoDB's TTL can purge them. The value is epoch
 * seconds as a number, the only form AWS TTL honours.
 *
 * @param attribute the TTL attribute the target table's TTL setting names
 * @param ttl       how long after being written a tombstone expires
 * @param clock     the time source; a parameter so tests can fix it
 */
public record TombstoneExpiry(String attribute, Duration ttl, Clock clock) {

    public TombstoneExpiry {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("Tombstone TTL must be positive: " + ttl);
        }
    }

    /** The expiry value for a tombstone written now. */
    public AttributeValue expiresAt() {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(ttl).getEpochSecond()));
    }
}
