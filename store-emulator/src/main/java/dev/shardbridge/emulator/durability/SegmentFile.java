package dev.shardbridge.emulator.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The log segment being written: its file, its number, how many bytes it has and how many of them
 * are forced to disk. Written and forced by the flusher thread only; the sizes are read by others.
 */
final class SegmentFile implements AutoCloseable {
    private final FileChannel channel;
    private final long number;
    private volatile long bytes;
    private volatile long forcedBytes;

    private SegmentFile(FileChannel channel, long number) {
        this.channel = channel;
        this.number = number;
    }

    /** Creates the segment file and writes its opening entry, ahead of anything buffered. */
    static SegmentFile create(DataDirectory directory, long number) throws IOException {
        SegmentFile segment = new SegmentFile(directory.createSegment(number), number);
        FrameBuffer opening = new FrameBuffer(64);
        EntryCodec.encode(new JournalEntry.SegmentStarted(EntryCodec.FORMAT_VERSION, number), opening);
        segment.write(opening);
        return segment;
    }

    void write(FrameBuffer frames) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(frames.array(), 0, frames.size());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        bytes += frames.size();
    }

    /** Forces the written bytes to disk (data, and the file size needed to read them). */
    void force() throws IOException {
        channel.force(false);
        forcedBytes = bytes;
    }

    long number() {
        return number;
    }

    long bytes() {
        return bytes;
    }

    /** What a power cut would leave of this segment. */
    long forcedBytes() {
        return forcedBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
