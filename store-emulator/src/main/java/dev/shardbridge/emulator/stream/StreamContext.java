package dev.shardbridge.emulator.stream;

import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.time.EmulatorClock;

/** What every table's streams share: clock, sequence numbers, settings, identity, registry and journal. */
record StreamContext(EmulatorClock clock, SequenceNumbers sequences, StreamSettings settings,
                     ServiceIdentity identity, StreamRegistry registry, StreamJournal journal) {

    String region() {
        return identity.region();
    }

    String tableArn(String tableName) {
        return identity.tableArn(tableName);
    }
}
