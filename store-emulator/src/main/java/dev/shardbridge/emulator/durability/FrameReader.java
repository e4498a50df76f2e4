package dev.shardbridge.emulator.durability;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the frames of one log segment or snapshot in order and stops at the first torn or corrupt one,
 * remembering where the last good frame ended so the caller can cut the file there.
 */
final class FrameReader implements AutoCloseable {

    /** Why reading stopped. */
    enum Ending {
        /** The file ends exactly after a good frame. */
        CLEAN,
        /** The last frame runs past the end of the file: a write the crash interrupted. */
        TORN,
        /** A frame's length is impossible or its checksum does not match. */
        CORRUPT
    }

    private final Path file;
    private final DataInputStream in;
    private final long fileSize;
    private long validEnd;
    private Ending ending;

    private FrameReader(Path file, DataInputStream in, long fileSize) {
        this.file = file;
        this.in = in;
        this.fileSize = fileSize;
    }

    static FrameReader open(Path file) throws IOException {
        long size = Files.size(file);
        return new FrameReader(file, new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)),
                size);
    }

    /** The next frame's payload, or null once the frames end; then {@link #ending()} says why. */
    byte[] next() throws IOException {
        if (ending != null) {
            return null;
        }
        long remaining = fileSize - validEnd;
        if (remaining == 0) {
            return stop(Ending.CLEAN);
        }
        if (remaining < Frame.HEADER_BYTES) {
            return stop(Ending.TORN);
        }
        int length = in.readInt();
        int checksum = in.readInt();
        if (length <= 0 || length > Frame.MAX_PAYLOAD_BYTES) {
            return stop(Ending.CORRUPT);
        }
        if (length > remaining - Frame.HEADER_BYTES) {
            return stop(Ending.TORN);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (Frame.checksum(payload, 0, length) != checksum) {
            return stop(Ending.CORRUPT);
        }
        validEnd += Frame.HEADER_BYTES + length;
        return payload;
    }

    private byte[] stop(Ending why) {
        ending = why;
        return null;
    }

    /** Why reading stopped; null while frames remain. */
    Ending ending() {
        return ending;
    }

    /** Where the last good frame ends: the length to cut the file to. */
    long validEnd() {
        return validEnd;
    }

    long fileSize() {
        return fileSize;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
