package dev.shardbridge.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the same work once per workload lane, each lane on its own thread, and waits for all of them. Lanes own
 * disjoint parcels, so they need no coordination; the first failure ends the whole run.
 */
final class LaneThreads {
    static final int LANES = 4;

    private LaneThreads() {
    }

    /** Each lane's result, in lane order. */
    static <T> List<T> run(String what, IntFunction<Callable<T>> lane) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(LANES, task -> new Thread(task, "quickstart-" + what));
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                running.add(threads.submit(lane.apply(i)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + what + " failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Lane {@code lane}'s part of {@code total}: equal parts, the remainder spread over the first lanes. */
    static int share(int total, int lane) {
        return total / LANES + (lane < total % LANES ? 1 : 0);
    }

    /** The number of the {@code started}-th parcel of {@code lane}: lanes number their parcels apart. */
    static int parcelNumber(int started, int lane) {
        return started * LANES + lane;
    }
}
