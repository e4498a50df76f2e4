package dev.shardbridge.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shardbridge.event.cbor.CborConverter;
import dev.shardbridge.event.cbor.SyncV1Writer;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.event.transforms.ExtractNewImage;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/record-format.md shows what the code emits: every example block is generated here and the
 * doc must match. After a deliberate format change, regenerate the blocks with
 * {@code mvn -B -pl change-event test -Dtest=RecordFormatDocTest -Ddocs.update=true}.
 */
class RecordFormatDocTest {

    private static final Path DOC = Path.of("../docs/record-format.md");
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- generated:([\\w.-]+) -->\\n```[\\w-]+\\n)(.*?)(^```$)", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyExampleInTheDocIsWhatTheCodeEmits() throws IOException {
        Map<String, String> examples = examples();
        String doc = Files.readString(DOC);

        Matcher blocks = BLOCK.matcher(doc);
        StringBuilder regenerated = new StringBuilder();
        Map<String, String> unused = new LinkedHashMap<>(examples);
        while (blocks.find()) {
            String example = unused.remove(blocks.group(2));
            assertThat(example).as("example named in the doc: " + blocks.group(2)).isNotNull();
            blocks.appendReplacement(regenerated, Matcher.quoteReplacement(blocks.group(1) + example + "\n" + blocks.group(4)));
        }
        blocks.appendTail(regenerated);
        assertThat(unused.keySet()).as("examples missing from the doc").isEmpty();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, regenerated);
            return;
        }
        assertThat(doc).as("docs/record-format.md is stale; regenerate with"
                + " mvn -B -pl change-event test -Dtest=RecordFormatDocTest -Ddocs.update=true").isEqualTo(regenerated.toString());
    }

    private static Map<String, String> examples() throws IOException {
        JsonConverter jsonKeys = ConverterRoundTripTest.json(false, true);
        JsonConverter jsonValues = ConverterRoundTripTest.json(false, false);
        CborConverter cborKeys = ConverterRoundTripTest.cbor(true);
        CborConverter cborValues = ConverterRoundTripTest.cbor(false);
        Map<String, String> examples = new LinkedHashMap<>();

        EnvelopeRecord insert = EnvelopeEncoder.encode(SampleEvents.insert());
        examples.put("key.json", DocRendering.json(jsonKeys.fromConnectData("parcels", insert.keySchema(), insert.key())));
        examples.put("key.cbor", DocRendering.cbor(cborKeys.fromConnectData("parcels", insert.keySchema(), insert.key())));
        Map<String, ChangeEvent> events = new LinkedHashMap<>();
        events.put("insert", SampleEvents.insert());
        events.put("modify", SampleEvents.modify());
        events.put("remove", SampleEvents.remove());
        events.put("read", SampleEvents.snapshotRead());
        events.forEach((name, event) -> {
            EnvelopeRecord record = EnvelopeEncoder.encode(event);
            examples.put(name + ".json", DocRendering.json(jsonValues.fromConnectData("parcels", record.valueSchema(), record.value())));
            examples.put(name + ".cbor", DocRendering.cbor(cborValues.fromConnectData("parcels", record.valueSchema(), record.value())));
        });
        examples.put("sync-v1-insert.cbor", DocRendering.cbor(SyncV1Writer.write(SampleEvents.insert())));
        examples.put("sync-v1-modify.cbor", DocRendering.cbor(SyncV1Writer.write(SampleEvents.modify())));
        examples.put("sync-v1-remove.cbor", DocRendering.cbor(SyncV1Writer.write(SampleEvents.remove())));

        ExtractNewImage<SourceRecord> smt = new ExtractNewImage<>();
        smt.configure(Map.of("add.fields", "op,table,seq"));
        SourceRecord document = smt.apply(new SourceRecord(Map.of(), Map.of(), "parcels", null,
                insert.keySchema(), insert.key(), insert.valueSchema(), insert.value()));
        JsonConverter numeric = new JsonConverter();
        numeric.configure(Map.of("schemas.enable", "false", "decimal.format", "NUMERIC"), false);
        examples.put("extract-new-image.json", DocRendering.json(numeric.fromConnectData("parcels", document.valueSchema(), document.value())));

        byte[] withSchema = ConverterRoundTripTest.json(true, false).fromConnectData("parcels", insert.valueSchema(), insert.value());
        byte[] schema = new ObjectMapper().readTree(withSchema).get("schema").toString().getBytes(StandardCharsets.UTF_8);
        examples.put("envelope-schema.json", DocRendering.json(schema));
        return examples;
    }
}
