package dev.shardbridge.emulator.durability;

import java.util.zip.CRC32;

/**
 * The framing of every log and snapshot entry: {@code [payload length][CRC32 of the payload][payload]},
 * both header fields four bytes big-endian. A frame that runs past the end of its file is a torn write;
 * one with an impossible length or a checksum that does not match is corrupt. Either way, reading stops
 * there and nothing from that frame on is taken as data.
 */
final class Frame {
    static final int HEADER_BYTES = 8;
    /** Far above any entry (an item is at most 400 KB, snapshot batches about 1 MB): larger is damage. */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    private Frame() {
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
