package dev.shardbridge.event.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.shardbridge.event.connect.EnvelopeSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.io.IOException;

/** Reads the envelope's {@code source} map into its Connect struct ({@link EnvelopeSchema#SOURCE}). */
final class CborSourceReader {

    private static final Schema SOURCE = EnvelopeSchema.SOURCE;
    private static final Field CONNECTOR = SOURCE.field("connector");
    private static final Field VERSION = SOURCE.field("version");
    private static final Field TABLE = SOURCE.field("table");
    private static final Field STREAM_ARN = SOURCE.field("stream_arn");
    private static final Field SHARD_ID = SOURCE.field("shard_id");
    private static final Field SEQUENCE_NUMBER = SOURCE.field("sequence_number");
    private static final Field TS_MS = SOURCE.field("ts_ms");
    private static final Field SNAPSHOT = SOURCE.field("snapshot");

    private CborSourceReader() {
    }

    static Struct read(JsonParser in) throws IOException {
        CborFields.require(in, "source", JsonToken.START_OBJECT, "a map");
        String connector = null;
        String version = null;
        String table = null;
        String streamArn = null;
        String shardId = null;
        String sequenceNumber = null;
        Long createdMillis = null;
        Boolean snapshot = null;
        String field;
        while ((field = in.nextFieldName()) != null) {
            in.nextToken();
            switch (field) {
                case "connector" -> connector = CborFields.text(in, "source.connector");
                case "version" -> version = CborFields.text(in, "source.version");
                case "table" -> table = CborFields.text(in, "source.table");
                case "stream_arn" -> streamArn = CborFields.nullableText(in, "source.stream_arn");
                case "shard_id" -> shardId = CborFields.nullableText(in, "source.shard_id");
                case "sequence_number" -> sequenceNumber = CborFields.nullableText(in, "source.sequence_number");
                case "ts_ms" -> createdMillis = CborFields.int64(in, "source.ts_ms");
                case "snapshot" -> snapshot = CborFields.bool(in, "source.snapshot");
                default -> in.skipChildren();
            }
        }
        return new Struct(SOURCE)
                .put(CONNECTOR, CborEnvelopeReader.require(connector, "source.connector"))
                .put(VERSION, CborEnvelopeReader.require(version, "source.version"))
                .put(TABLE, CborEnvelopeReader.require(table, "source.table"))
                .put(STREAM_ARN, streamArn)
                .put(SHARD_ID, shardId)
                .put(SEQUENCE_NUMBER, sequenceNumber)
                .put(TS_MS, CborEnvelopeReader.require(createdMillis, "source.ts_ms"))
                .put(SNAPSHOT, CborEnvelopeReader.require(snapshot, "source.snapshot"));
    }
}
