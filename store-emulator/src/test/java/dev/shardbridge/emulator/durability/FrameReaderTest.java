package dev.shardbridge.emulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameReaderTest {
    private static final List<String> PAYLOADS = List.of("first entry", "second, a little longer entry", "third",
            "fourth and last entry of the file");

    @TempDir
    Path directory;

    @Test
    void readsEveryFrameOfAnIntactFile() throws IOException {
        Path file = write(frames(PAYLOADS));
        Read read = read(file);
        assertThat(read.payloads).containsExactlyElementsOf(PAYLOADS);
        assertThat(read.ending).isEqualTo(FrameReader.Ending.CLEAN);
        assertThat(read.validEnd).isEqualTo(Files.size(file));
    }

    @Test
    void stopsBeforeATornLastFrameWhereverTheWriteWasCut() throws IOException {
        byte[] all = frames(PAYLOADS);
        int lastFrameStart = frames(PAYLOADS.subList(0, 3)).length;
        for (int cut = lastFrameStart + 1; cut < all.length; cut++) {
            Read read = read(write(Arrays.copyOf(all, cut)));
            assertThat(read.payloads).as("cut at byte %d", cut).containsExactlyElementsOf(PAYLOADS.subList(0, 3));
            assertThat(read.ending).as("cut at byte %d", cut).isEqualTo(FrameReader.Ending.TORN);
            assertThat(read.validEnd).as("cut at byte %d", cut).isEqualTo(lastFrameStart);
        }
    }

    @Test
    void stopsAtAFlippedBitInAMiddleFrameAndReadsNothingAfterIt() throws IOException {
        byte[] all = frames(PAYLOADS);
        int damagedStart = frames(PAYLOADS.subList(0, 1)).length;
        int damagedEnd = frames(PAYLOADS.subList(0, 2)).length;
        for (int at = damagedStart; at < damagedEnd; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = all.clone();
                damaged[at] ^= (byte) (1 << bit);
                Read read = read(write(damaged));
                assertThat(read.payloads).as("bit %d of byte %d", bit, at).containsExactly(PAYLOADS.get(0));
                assertThat(read.ending).as("bit %d of byte %d", bit, at).isNotEqualTo(FrameReader.Ending.CLEAN);
                assertThat(read.validEnd).as("bit %d of byte %d", bit, at).isEqualTo(damagedStart);
            }
        }
    }

    @Test
    void takesAZeroFilledTailForDamageNotForAnEmptyEntry() throws IOException {
        byte[] all = frames(PAYLOADS);
        Read read = read(write(Arrays.copyOf(all, all.length + 64)));
        assertThat(read.payloads).containsExactlyElementsOf(PAYLOADS);
        assertThat(read.ending).isEqualTo(FrameReader.Ending.CORRUPT);
        assertThat(read.validEnd).isEqualTo(all.length);
    }

    static byte[] frames(List<String> payloads) {
        FrameBuffer buffer = new FrameBuffer(64);
        for (String payload : payloads) {
            buffer.startFrame();
            buffer.write(payload.getBytes(StandardCharsets.UTF_8), 0, payload.length());
            buffer.finishFrame();
        }
        return Arrays.copyOf(buffer.array(), buffer.size());
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(directory, "segment", ".log");
        Files.write(file, bytes);
        return file;
    }

    private record Read(List<String> payloads, FrameReader.Ending ending, long validEnd) {
    }

    private static Read read(Path file) throws IOException {
        List<String> payloads = new ArrayList<>();
        try (FrameReader reader = FrameReader.open(file)) {
            byte[] payload;
            while ((payload = reader.next()) != null) {
                payloads.add(new String(payload, StandardCharsets.UTF_8));
            }
            return new Read(payloads, reader.ending(), reader.validEnd());
        }
    }
}
