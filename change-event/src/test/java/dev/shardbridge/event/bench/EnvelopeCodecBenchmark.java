package dev.shardbridge.event.bench;

import dev.shardbridge.event.ChangeEvent;
import dev.shardbridge.event.Operation;
import dev.shardbridge.event.SourceInfo;
import dev.shardbridge.event.TableKey;
import dev.shardbridge.event.cbor.CborConverter;
import dev.shardbridge.event.connect.EnvelopeEncoder;
import dev.shardbridge.event.connect.EnvelopeRecord;
import dev.shardbridge.event.item.DynamoDbJson;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Value converter throughput for a change event carrying a 1 KB item: Kafka's JsonConverter
 * (schemas off and on) against our CborConverter, encode (Connect data to bytes) and decode
 * (bytes to Connect data). Converters are built once, as a worker does.
 *
 * <p>Run: {@code mvn -B -pl change-event test-compile exec:exec@jmh}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class EnvelopeCodecBenchmark {

    private static final String TOPIC = "parcels";

    private final JsonConverter json = new JsonConverter();
    private final JsonConverter jsonWithSchemas = new JsonConverter();
    private final CborConverter cbor = new CborConverter();

    private EnvelopeRecord record;
    private byte[] jsonBytes;
    private byte[] jsonWithSchemasBytes;
    private byte[] cborBytes;

    @Setup
    public void setUp() {
        json.configure(Map.of("schemas.enable", "false"), false);
        jsonWithSchemas.configure(Map.of("schemas.enable", "true"), false);
        cbor.configure(Map.of(), false);
        record = EnvelopeEncoder.encode(event());
        jsonBytes = json.fromConnectData(TOPIC, record.valueSchema(), record.value());
        jsonWithSchemasBytes = jsonWithSchemas.fromConnectData(TOPIC, record.valueSchema(), record.value());
        cborBytes = cbor.fromConnectData(TOPIC, record.valueSchema(), record.value());
        System.err.printf("%nitem as DynamoDB JSON: %d bytes; value: JSON %d bytes, JSON with schema %d bytes, CBOR %d bytes%n",
                DynamoDbJson.writeItem(event().after()).length(),
                jsonBytes.length, jsonWithSchemasBytes.length, cborBytes.length);
    }

    @Benchmark
    public byte[] encodeJson() {
        return json.fromConnectData(TOPIC, record.valueSchema(), record.value());
    }

    @Benchmark
    public byte[] encodeJsonWithSchemas() {
        return jsonWithSchemas.fromConnectData(TOPIC, record.valueSchema(), record.value());
    }

    @Benchmark
    public byte[] encodeCbor() {
        return cbor.fromConnectData(TOPIC, record.valueSchema(), record.value());
    }

    @Benchmark
    public SchemaAndValue decodeJson() {
        return json.toConnectData(TOPIC, jsonBytes);
    }

    @Benchmark
    public SchemaAndValue decodeJsonWithSchemas() {
        return jsonWithSchemas.toConnectData(TOPIC, jsonWithSchemasBytes);
    }

    @Benchmark
    public SchemaAndValue decodeCbor() {
        return cbor.toConnectData(TOPIC, cborBytes);
    }

    /** A new parcel with every attribute type; about 1 KB as DynamoDB JSON. */
    static ChangeEvent event() {
        Random random = new Random(1);
        byte[] label = new byte[96];
        random.nextBytes(label);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("parcel_id", AttributeValue.fromS("PX-0000012345"));
        item.put("scan_no", AttributeValue.fromN("42"));
        item.put("status", AttributeValue.fromS("IN_TRANSIT"));
        item.put("sender", AttributeValue.fromS("Nordic Parts AS, Storgata 1, 0155 Oslo"));
        item.put("recipient", AttributeValue.fromS("Müller GmbH, Hafenstraße 12, 20457 Hamburg"));
        item.put("weight_kg", AttributeValue.fromN("12.375"));
        item.put("declared_value", AttributeValue.fromN("1249.99"));
        item.put("created_at", AttributeValue.fromN("1717243200123"));
        item.put("fragile", AttributeValue.fromBool(false));
        item.put("insured", AttributeValue.fromBool(true));
        item.put("note", AttributeValue.fromNul(true));
        item.put("label", AttributeValue.fromB(SdkBytes.fromByteArray(label)));
        item.put("dims", AttributeValue.fromM(Map.of(
                "length_cm", AttributeValue.fromN("60"), "width_cm", AttributeValue.fromN("40"),
                "height_cm", AttributeValue.fromN("35.5"))));
        item.put("route", AttributeValue.fromL(List.of(
                AttributeValue.fromS("OSL"), AttributeValue.fromS("GOT"), AttributeValue.fromS("CPH"), AttributeValue.fromS("HAM"))));
        item.put("tags", AttributeValue.fromSs(List.of("express", "b2b", "customs-cleared")));
        item.put("temps", AttributeValue.fromNs(List.of("4.5", "5.25", "3.75", "4")));
        item.put("carrier", AttributeValue.fromS("NORDLINK"));
        item.put("tracking_url", AttributeValue.fromS("https://track.example.com/p/PX-0000012345?lang=en"));
        item.put("hub", AttributeValue.fromS("HAM-01"));
        item.put("eta", AttributeValue.fromN("1717329600000"));
        item.put("contents", AttributeValue.fromS("Spare parts: 4 hydraulic seals, 2 pressure valves, 1 gauge; handle with care, keep dry"));
        TableKey key = TableKey.of("parcel_id", "scan_no");
        SourceInfo source = new SourceInfo("dynamodb", "0.1.0", "parcels",
                "arn:aws:dynamodb:eu-west-1:123456789012:table/parcels/stream/2024-06-01T00:00:00.000",
                "shardId-00000001717200000000-a1b2c3d4", "000000000000000000101",
                Instant.parse("2024-06-01T12:00:00Z"), false);
        return new ChangeEvent(Operation.CREATE, key.keyOf(item), null, item, source, Instant.parse("2024-06-01T12:00:00.250Z"));
    }
}
