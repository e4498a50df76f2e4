package dev.shardbridge.event.transforms;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.ProjectVersion;
import dev.shardbridge.event.connect.EnvelopeDecoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces a change envelope with the plain document of its new image, for consumers that want
 * documents rather than changes (search indexes, analytics), as Debezium's ExtractNewRecordState
 * does for relational rows. The key is left as it is.
 *
 * <p>Works on source records (before the converter) and on sink records (after it, with or without
 * schemas). Output is schema-ful: see {@link DocumentSchemas} for the types.
 */
public class ExtractNewImage<R extends ConnectRecord<R>> implements Transformation<R> {

    private DeleteHandlingMode deleteHandling;
    private boolean dropTombstones;
    private List<AddedField> addedFields;
    private ImageDocument documents;

    @Override
    public void configure(Map<String, ?> configs) {
        ExtractNewImageConfig config = new ExtractNewImageConfig(configs);
        deleteHandling = config.deleteHandlingMode();
        dropTombstones = config.dropTombstones();
        addedFields = config.addedFields();
        documents = new ImageDocument(config.numberHandlingMode());
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return dropTombstones ? null : record;
        }
        ChangeEvent event = EnvelopeDecoder.decode(record.value());
        if (event.op() == Operation.DELETE) {
            return switch (deleteHandling) {
                case DROP -> null;
                case TOMBSTONE -> withValue(record, SchemaAndValue.NULL);
                case REWRITE -> withValue(record, document(event, event.before() != null ? event.before() : event.key()));
            };
        }
        if (event.after() == null) {
            throw new DataException("Change event (op " + event.op().code() + ") in topic " + record.topic()
                    + " has no new image: the table's stream view type must be NEW_IMAGE or NEW_AND_OLD_IMAGES"
                    + " for ExtractNewImage");
        }
        return withValue(record, document(event, event.after()));
    }

    private SchemaAndValue document(ChangeEvent event, Map<String, AttributeValue> image) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (AddedField field : addedFields) {
            metadata.put(field.fieldName(), field.valueOf(event));
        }
        if (deleteHandling == DeleteHandlingMode.REWRITE) {
            metadata.put("__deleted", Boolean.toString(event.op() == Operation.DELETE));
        }
        return documents.of(image, metadata);
    }

    private static <R extends ConnectRecord<R>> R withValue(R record, SchemaAndValue value) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                value.schema(), value.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return ExtractNewImageConfig.configDef();
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
