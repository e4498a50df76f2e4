package dev.shardbridge.emulator.durability;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a data directory: log segments {@code wal-<n>.log} written in order, snapshots
 * {@code snapshot-<n>.cbor} (n: the first segment to replay after loading it), temporary files of
 * snapshots in progress, and a lock that keeps a second emulator out while this one runs.
 */
final class DataDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d{20})\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.cbor");
    private static final String TEMPORARY = ".tmp";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) and locks a data directory, and removes snapshots a crash left unfinished. */
    static DataDirectory open(Path root) throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another emulator in this JVM
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("data directory " + root + " is in use by another emulator");
        }
        DataDirectory directory = new DataDirectory(root, channel, lock);
        for (Path file : directory.list()) {
            if (file.getFileName().toString().endsWith(TEMPORARY)) {
                Files.delete(file);
            }
        }
        return directory;
    }

    Path root() {
        return root;
    }

    /** Segment numbers, ascending. */
    List<Long> segments() throws IOException {
        return numbers(SEGMENT);
    }

    /** Snapshot numbers, ascending. */
    List<Long> snapshots() throws IOException {
        return numbers(SNAPSHOT);
    }

    Path segment(long number) {
        return root.resolve(String.format("wal-%020d.log", number));
    }

    Path snapshot(long number) {
        return root.resolve(String.format("snapshot-%020d.cbor", number));
    }

    Path temporarySnapshot(long number) {
        return root.resolve(String.format("snapshot-%020d.cbor", number) + TEMPORARY);
    }

    /** A new, empty segment, its directory entry forced to disk so the file survives a crash. */
    FileChannel createSegment(long number) throws IOException {
        FileChannel channel = FileChannel.open(segment(number), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        syncDirectory();
        return channel;
    }

    /** Gives a finished (forced) temporary snapshot its name in one atomic step. */
    void publishSnapshot(Path temporary, long number) throws IOException {
        Files.move(temporary, snapshot(number), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
    }

    /** Deletes the segments and snapshots that a snapshot replaying from {@code segment} replaces. */
    void deleteBefore(long segment) throws IOException {
        for (long older : segments()) {
            if (older < segment) {
                Files.deleteIfExists(segment(older));
            }
        }
        for (long older : snapshots()) {
            if (older < segment) {
                Files.deleteIfExists(snapshot(older));
            }
        }
    }

    /** Cuts a file after its last good frame. */
    void cut(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    /** Moves a file out of the way under a name recovery ignores, keeping it for inspection. */
    Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.move(file, aside);
        syncDirectory();
        return aside;
    }

    /** Forces the directory's entries (created, renamed, deleted files) to disk. */
    void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; there a rename is as durable as the platform makes it.
            LOG.debug("cannot force directory {}: {}", root, e.toString());
        }
    }

    private List<Long> numbers(Pattern pattern) throws IOException {
        List<Long> numbers = new ArrayList<>();
        for (Path file : list()) {
            Matcher matcher = pattern.matcher(file.getFileName().toString());
            if (matcher.matches()) {
                numbers.add(Long.parseLong(matcher.group(1)));
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            stream.forEach(files::add);
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
