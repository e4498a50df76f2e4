package dev.shardbridge.source.bench;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of chosen threads and of the whole process, as snapshots to subtract. Threads are chosen by name:
 * Connect names a task's thread {@code task-thread-<connector>-<n>} and its producer's network thread
 * {@code ... connector-producer-<connector>-<n>}, which is how a connector's own cost is told apart from the
 * broker's, the worker's and the emulator's sharing the JVM.
 */
final class ThreadCpu {

    /** CPU nanoseconds per thread id of the chosen threads alive at the time, and of the process. */
    record Snapshot(Map<Long, Long> threadNanos, long processNanos, long wallNanos) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ThreadCpu() {
    }

    static Snapshot take(Predicate<String> threadName) {
        Map<Long, Long> nanos = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && threadName.test(info.getThreadName())) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                }
            }
        }
        return new Snapshot(nanos, OS.getProcessCpuTime(), System.nanoTime());
    }

    /** Share of one core the chosen threads used between the snapshots, counting threads present in both. */
    static double threadsPercentOfCore(Snapshot before, Snapshot after) {
        long used = 0;
        for (Map.Entry<Long, Long> entry : after.threadNanos().entrySet()) {
            Long earlier = before.threadNanos().get(entry.getKey());
            if (earlier != null) {
                used += entry.getValue() - earlier;
            }
        }
        return 100.0 * used / (after.wallNanos() - before.wallNanos());
    }

    static double processPercentOfCore(Snapshot before, Snapshot after) {
        return 100.0 * (after.processNanos() - before.processNanos()) / (after.wallNanos() - before.wallNanos());
    }
}
