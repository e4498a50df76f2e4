package dev.shardbridge.emulator.stream;

import java.util.List;

/**
 * Records read from a shard in one call.
 *
 * @param records      in sequence order
 * @param nextPosition the position after the last record returned
 * @param drained      whether the shard is closed and nothing follows {@code nextPosition}
 */
public record ShardPage(List<StreamRecord> records, long nextPosition, boolean drained) {
}
