package dev.shardbridge.emulator.durability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.http.OperationInterceptor;
import dev.shardbridge.emulator.operation.Request;

/**
 * Under {@code --fsync always}: holds each operation's answer until the log entries it wrote are on
 * disk, so whatever a client was told succeeded survives a crash. An operation that wrote nothing
 * answers at once. Waiting writers share one fsync (see {@link LogWriter}).
 */
final class DurabilityBarrier implements OperationInterceptor {
    private final Journal journal;

    DurabilityBarrier(Journal journal) {
        this.journal = journal;
    }

    @Override
    public ObjectNode beforeOperation(String target, Request request) {
        journal.operationStarted();
        return null;
    }

    @Override
    public void afterOperation(String target, Request request, ObjectNode response) {
        journal.awaitOperationDurable();
    }
}
