package dev.shardbridge.emulator.durability;

import dev.shardbridge.emulator.durability.JournalEntry.SegmentStarted;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotFinished;
import dev.shardbridge.emulator.durability.JournalEntry.SnapshotStarted;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds state from a data directory before the emulator serves: the newest complete snapshot, then
 * every log segment from the one it names, in order. A torn or corrupt frame ends the log: its
 * segment is cut after the last good frame, with a warning saying how many bytes went, and any later
 * segment is set aside, since entries after a gap could pair an item with a stream it never had.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /**
     * What recovery found.
     *
     * @param nextSegment   the number for the segment new entries go to
     * @param replayedBytes log bytes replayed after the snapshot
     * @param entries       log entries replayed after the snapshot (segment openings aside)
     * @param damaged       whether a torn or corrupt tail was cut
     */
    record Outcome(long nextSegment, long replayedBytes, long entries, boolean damaged) {
    }

    private final DataDirectory directory;
    private final StateRestorer restorer;
    private long entries;

    Recovery(DataDirectory directory, StateRestorer restorer) {
        this.directory = directory;
        this.restorer = restorer;
    }

    Outcome run() throws IOException {
        long replayFrom = loadNewestSnapshot();
        List<Long> segments = directory.segments();
        long replayed = 0;
        boolean damaged = false;
        long last = replayFrom - 1;
        for (long segment : segments) {
            if (segment < replayFrom) {
                continue; // replaced by the snapshot; a crash came between publishing it and deleting these
            }
            if (damaged) {
                LOG.warn("Setting aside log segment {} after the damaged one: {}", segment,
                        directory.setAside(directory.segment(segment)).getFileName());
                continue;
            }
            if (segment != last + 1 && last >= 0) {
                LOG.warn("Log segment {} is missing; replay continues with segment {}", last + 1, segment);
            }
            SegmentReplay replay = replaySegment(segment);
            replayed += replay.validEnd;
            damaged = replay.damaged;
            last = segment;
        }
        long highest = Math.max(last, segments.isEmpty() ? 0 : segments.get(segments.size() - 1));
        return new Outcome(Math.max(highest, replayFrom) + 1, replayed, entries, damaged);
    }

    private record SegmentReplay(long validEnd, boolean damaged) {
    }

    private SegmentReplay replaySegment(long segment) throws IOException {
        Path file = directory.segment(segment);
        FrameReader.Ending ending;
        long validEnd;
        long fileSize;
        try (FrameReader frames = FrameReader.open(file)) {
            byte[] payload;
            boolean first = true;
            while ((payload = frames.next()) != null) {
                JournalEntry entry = decode(payload, file, frames.validEnd());
                if (first) {
                    checkOpening(entry, segment, file);
                    first = false;
                } else {
                    restorer.apply(entry);
                    entries++;
                }
            }
            ending = frames.ending();
            validEnd = frames.validEnd();
            fileSize = frames.fileSize();
        }
        if (ending == FrameReader.Ending.CLEAN) {
            return new SegmentReplay(validEnd, false);
        }
        directory.cut(file, validEnd);
        LOG.warn("Log segment {} ends in a {} frame at byte {}: cut {} bytes; entries after it are not loaded",
                file.getFileName(), ending == FrameReader.Ending.TORN ? "torn" : "corrupt", validEnd,
                fileSize - validEnd);
        return new SegmentReplay(validEnd, true);
    }

    /** Loads the newest complete snapshot; returns the first segment to replay after it (0 without one). */
    private long loadNewestSnapshot() throws IOException {
        List<Long> snapshots = directory.snapshots();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            Path file = directory.snapshot(snapshots.get(i));
            SnapshotStarted start = completeSnapshot(file);
            if (start == null) {
                LOG.error("Snapshot {} is incomplete or damaged and is not loaded: set aside as {}", file.getFileName(),
                        directory.setAside(file).getFileName());
                continue;
            }
            try (FrameReader frames = FrameReader.open(file)) {
                byte[] payload;
                while ((payload = frames.next()) != null) {
                    restorer.apply(decode(payload, file, frames.validEnd()));
                }
            }
            return start.replayFrom();
        }
        return 0;
    }

    /** The snapshot's opening entry if every frame is sound and it is closed, else null. */
    private static SnapshotStarted completeSnapshot(Path file) throws IOException {
        try (FrameReader frames = FrameReader.open(file)) {
            byte[] first = frames.next();
            byte[] last = first;
            byte[] payload;
            while ((payload = frames.next()) != null) {
                last = payload;
            }
            if (first == null || frames.ending() != FrameReader.Ending.CLEAN) {
                return null;
            }
            JournalEntry opening = decode(first, file, 0);
            JournalEntry closing = decode(last, file, frames.validEnd());
            if (!(opening instanceof SnapshotStarted start) || !(closing instanceof SnapshotFinished)) {
                return null;
            }
            if (start.formatVersion() != EntryCodec.FORMAT_VERSION) {
                throw new IOException("snapshot " + file + " has format " + start.formatVersion()
                        + "; this version reads format " + EntryCodec.FORMAT_VERSION);
            }
            return start;
        }
    }

    private static void checkOpening(JournalEntry entry, long segment, Path file) throws IOException {
        if (!(entry instanceof SegmentStarted start) || start.segment() != segment) {
            throw new IOException("log segment " + file + " does not start with its own opening entry");
        }
        if (start.formatVersion() != EntryCodec.FORMAT_VERSION) {
            throw new IOException("log segment " + file + " has format " + start.formatVersion()
                    + "; this version reads format " + EntryCodec.FORMAT_VERSION);
        }
    }

    /** A frame whose checksum holds but whose content cannot be read is not damage: refuse to start. */
    private static JournalEntry decode(byte[] payload, Path file, long at) throws IOException {
        try {
            return EntryCodec.decode(payload);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the entry ending at byte " + at + " of " + file + ": " + e.getMessage(),
                    e);
        }
    }
}
