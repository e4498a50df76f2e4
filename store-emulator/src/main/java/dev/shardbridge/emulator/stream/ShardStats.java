package dev.shardbridge.emulator.stream;

/**
 * What the admin API reports per shard.
 *
 * @param recordsWritten   records ever appended
 * @param recordsRetained  records still readable
 * @param activeReaders    readers seen within the reader window
 * @param getRecordsCalls  GetRecords calls served or throttled
 * @param throttles        GetRecords calls refused for too many readers
 */
public record ShardStats(String shardId, String parentShardId, boolean open, long recordsWritten,
                         int recordsRetained, int activeReaders, long getRecordsCalls, long throttles) {
}
