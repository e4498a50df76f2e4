package dev.shardbridge.event.transforms;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.List;
import java.util.Map;

/** Configuration of {@link ExtractNewImage}. */
public class ExtractNewImageConfig extends AbstractConfig {

    public static final String DELETE_HANDLING_MODE_CONFIG = "delete.handling.mode";
    public static final String DELETE_HANDLING_MODE_DEFAULT = DeleteHandlingMode.TOMBSTONE.configValue();
    private static final String DELETE_HANDLING_MODE_DOC = "What a delete becomes: 'drop' removes the record;"
            + " 'tombstone' keeps the key with a null value, so compacted topics forget the document; 'rewrite'"
            + " emits the old image (or the key attributes when the stream has no old image) with __deleted=\"true\","
            + " and adds __deleted=\"false\" to every other document.";

    public static final String DROP_TOMBSTONES_CONFIG = "drop.tombstones";
    public static final boolean DROP_TOMBSTONES_DEFAULT = false;
    private static final String DROP_TOMBSTONES_DOC = "Drop incoming tombstones (the null-valued records the"
            + " source writes after deletes) instead of passing them through.";

    public static final String ADD_FIELDS_CONFIG = "add.fields";
    public static final String ADD_FIELDS_DEFAULT = "";
    private static final String ADD_FIELDS_DOC = "Envelope metadata to add to each document: 'op' as __op,"
            + " 'table' as __table, 'seq' (the stream sequence number, null for snapshot reads) as __seq.";

    public static final String NUMBER_HANDLING_MODE_CONFIG = "number.handling.mode";
    public static final String NUMBER_HANDLING_MODE_DEFAULT = NumberHandlingMode.DECIMAL.configValue();
    private static final String NUMBER_HANDLING_MODE_DOC = "How numbers are typed: 'decimal' as Connect Decimal"
            + " (exact; with JsonConverter set decimal.format=NUMERIC to get JSON numbers), 'string' as the exact"
            + " decimal string DynamoDB gave.";

    private static final String GROUP = "Extract new image";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(DELETE_HANDLING_MODE_CONFIG, Type.STRING, DELETE_HANDLING_MODE_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(DeleteHandlingMode.configValues()),
                    Importance.MEDIUM, DELETE_HANDLING_MODE_DOC, GROUP, 1, ConfigDef.Width.SHORT, "Delete handling")
            .define(DROP_TOMBSTONES_CONFIG, Type.BOOLEAN, DROP_TOMBSTONES_DEFAULT,
                    Importance.LOW, DROP_TOMBSTONES_DOC, GROUP, 2, ConfigDef.Width.SHORT, "Drop tombstones")
            .define(ADD_FIELDS_CONFIG, Type.LIST, ADD_FIELDS_DEFAULT,
                    ConfigDef.ValidList.in(AddedField.configValues()),
                    Importance.LOW, ADD_FIELDS_DOC, GROUP, 3, ConfigDef.Width.MEDIUM, "Added fields")
            .define(NUMBER_HANDLING_MODE_CONFIG, Type.STRING, NUMBER_HANDLING_MODE_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(NumberHandlingMode.configValues()),
                    Importance.MEDIUM, NUMBER_HANDLING_MODE_DOC, GROUP, 4, ConfigDef.Width.SHORT, "Number handling");

    public ExtractNewImageConfig(Map<?, ?> props) {
        super(CONFIG, props);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public DeleteHandlingMode deleteHandlingMode() {
        return DeleteHandlingMode.fromConfig(getString(DELETE_HANDLING_MODE_CONFIG));
    }

    public boolean dropTombstones() {
        return getBoolean(DROP_TOMBSTONES_CONFIG);
    }

    public List<AddedField> addedFields() {
        return getList(ADD_FIELDS_CONFIG).stream().map(AddedField::fromConfig).distinct().toList();
    }

    public NumberHandlingMode numberHandlingMode() {
        return NumberHandlingMode.fromConfig(getString(NUMBER_HANDLING_MODE_CONFIG));
    }
}
