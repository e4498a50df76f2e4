package dev.shardbridge.emulator.durability;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that frames are encoded into: room for the header is left when a frame starts
 * and filled in (length, checksum) when it is finished, so a frame is built with one copy.
 */
final class FrameBuffer extends OutputStream {
    /** A buffer that once held a huge entry is not kept at that size. */
    private static final int KEEP_AT_MOST = 1 << 20;

    private final int keepAtMost;
    private byte[] bytes;
    private int size;
    private int frameStart = -1;

    FrameBuffer(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
        this.keepAtMost = Math.max(KEEP_AT_MOST, 16 * initialCapacity);
    }

    void startFrame() {
        if (frameStart >= 0) {
            throw new IllegalStateException("a frame is already open");
        }
        frameStart = size;
        ensureCapacity(Frame.HEADER_BYTES);
        size += Frame.HEADER_BYTES;
    }

    void finishFrame() {
        int payloadStart = frameStart + Frame.HEADER_BYTES;
        int length = size - payloadStart;
        if (length > Frame.MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("log entry of " + length + " bytes exceeds the frame limit");
        }
        putInt(frameStart, length);
        putInt(frameStart + 4, Frame.checksum(bytes, payloadStart, length));
        frameStart = -1;
    }

    /** Forgets the content; a buffer grown far beyond its usual size is let go. */
    void clear() {
        size = 0;
        frameStart = -1;
        if (bytes.length > keepAtMost) {
            bytes = new byte[keepAtMost / 16];
        }
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    @Override
    public void write(int b) {
        ensureCapacity(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureCapacity(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensureCapacity(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
