package dev.shardbridge.emulator.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.http.OperationInterceptor;
import dev.shardbridge.emulator.operation.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the fault rules to every API request. Of the rules that match a request, in the order they
 * were added: every LATENCY rule that fires delays it (delays add up); then the first error rule that
 * fires answers it; otherwise UNPROCESSED_ITEMS rules hold back a share of a BatchWriteItem's writes.
 * With no rules installed a request costs one volatile read.
 */
public final class FaultInjector implements OperationInterceptor {
    private static final String BATCH_WRITE_TARGET_SUFFIX = ".BatchWriteItem";

    private final FaultRules rules;

    /**
     * Writes held back from the BatchWriteItem this thread is running, to add to its response. The
     * endpoint calls before and after on the same thread; the request is kept to recognise a stale
     * entry left by a request that failed in between.
     */
    private final ThreadLocal<HeldBack> heldBack = new ThreadLocal<>();

    private record HeldBack(Request request, ObjectNode writes) {
    }

    public FaultInjector(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    public ObjectNode beforeOperation(String target, Request request) {
        List<ActiveFault> active = rules.active();
        if (active.isEmpty()) {
            return null;
        }
        RequestScope scope = RequestScope.of(target, request.body());
        long delayMillis = 0;
        FaultKind error = null;
        List<ActiveFault> unprocessed = null;
        for (ActiveFault fault : active) {
            if (!fault.appliesTo(scope)) {
                continue;
            }
            FaultKind kind = fault.rule().kind();
            if (kind == FaultKind.LATENCY) {
                delayMillis += fault.fires() ? fault.rule().latency().toMillis() : 0;
            } else if (kind == FaultKind.UNPROCESSED_ITEMS) {
                unprocessed = unprocessed == null ? new ArrayList<>(1) : unprocessed;
                unprocessed.add(fault);
            } else if (error == null && fault.fires()) {
                error = kind;
            }
        }
        pause(delayMillis);
        if (error != null) {
            throw error.error(scope);
        }
        return unprocessed == null ? null : holdBackWrites(request, unprocessed);
    }

    @Override
    public void afterOperation(String target, Request request, ObjectNode response) {
        if (!target.endsWith(BATCH_WRITE_TARGET_SUFFIX)) {
            return;
        }
        HeldBack held = heldBack.get();
        if (held != null) {
            heldBack.remove();
            if (held.request() == request) {
                UnprocessedWrites.addTo(response, held.writes());
            }
        }
    }

    private ObjectNode holdBackWrites(Request request, List<ActiveFault> unprocessed) {
        ObjectNode writes = UnprocessedWrites.holdBack(request.body(), unprocessed);
        if (writes == null) {
            return null;
        }
        if (UnprocessedWrites.nothingLeft(request.body())) {
            return UnprocessedWrites.answerWithAllHeldBack(writes);
        }
        heldBack.set(new HeldBack(request, writes));
        return null;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The server is shutting down; answer now rather than swallow the interrupt.
            Thread.currentThread().interrupt();
        }
    }
}
