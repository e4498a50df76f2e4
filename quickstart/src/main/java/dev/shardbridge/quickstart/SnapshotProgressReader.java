package dev.shardbridge.quickstart;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source's snapshot progress from its committed offsets through the Connect REST API, as an operator
 * would with {@code curl /connectors/<name>/offsets}. Once the snapshot is done it stays done, so the API is
 * no longer asked.
 */
final class SnapshotProgressReader {
    /** To the full log, not the terminal: the progress line keeps the last progress it had. */
    private static final Logger log = LoggerFactory.getLogger(SnapshotProgressReader.class);

    private final ConnectRest rest;
    private final String connector;
    private final String table;
    private SnapshotProgress last;

    /** A reader for the given source connector; one whose configuration takes no snapshot reads nothing. */
    SnapshotProgressReader(ConnectRest rest, ConnectorDeployment source, String table) {
        this.rest = rest;
        this.connector = source.name();
        this.table = table;
        this.last = source.snapshots() ? SnapshotProgress.NOT_STARTED : SnapshotProgress.NONE;
    }

    /** The latest progress; the previous one while the worker cannot answer (it may be rebalancing). */
    SnapshotProgress read() throws InterruptedException {
        if (last.done()) {
            return last;
        }
        try {
            ConnectRest.Response response = rest.connectorOffsets(connector);
            if (response.ok()) {
                last = SnapshotProgress.fromOffsets(response.body(), table);
            } else {
                log.warn("Cannot read the offsets of {} (HTTP {}): {}", connector, response.status(), response.message());
            }
        } catch (IOException notNow) {
            log.warn("Cannot read the offsets of {}: {}", connector, notNow.toString());
            // asked again on the next sample
        }
        return last;
    }
}
