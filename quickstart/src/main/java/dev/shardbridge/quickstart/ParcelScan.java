package dev.shardbridge.quickstart;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One scan of a parcel at a logistics station, the demo's unit of data: the parcel id and the scan's
 * sequence number form the key, as in Tablestore's parcel-tracking example.
 */
record ParcelScan(String parcelId, int scanSequence, String scannerId, Operation operation, String fromCity,
                  String toCity) {

    enum Operation { SignIn, TransferOut, TransferIn, SignOff }

    static final String PARCEL_ID = "parcel_id";
    static final String SCAN_SEQ = "scan_seq";
    static final String SCANNER_ID = "scanner_id";
    static final String OPERATION = "operation";
    static final String FROM_CITY = "from_city";
    static final String TO_CITY = "to_city";

    static final List<String> CITIES = List.of("Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Chengdu", "Wuhan");

    /** A deterministic scan: parcel {@code p}'s {@code s}-th scan. */
    static ParcelScan of(int parcel, int sequence, int scansPerParcel) {
        Operation operation = sequence == 0 ? Operation.SignIn
                : sequence == scansPerParcel - 1 ? Operation.SignOff
                : sequence % 2 == 1 ? Operation.TransferOut : Operation.TransferIn;
        String from = CITIES.get((parcel + sequence) % CITIES.size());
        String to = CITIES.get((parcel + sequence + 1) % CITIES.size());
        return new ParcelScan(parcelId(parcel), sequence, "scanner-" + (parcel * 7 + sequence) % 50,
                operation, from, to);
    }

    static String parcelId(int parcel) {
        return String.format("P%06d", parcel);
    }

    /** Reads a stored scan back (a table item, or an image from a change event). */
    static ParcelScan fromItem(Map<String, AttributeValue> item) {
        return new ParcelScan(item.get(PARCEL_ID).s(), Integer.parseInt(item.get(SCAN_SEQ).n()),
                item.get(SCANNER_ID).s(), Operation.valueOf(item.get(OPERATION).s()), item.get(FROM_CITY).s(),
                item.get(TO_CITY).s());
    }

    Map<String, AttributeValue> key() {
        return Map.of(PARCEL_ID, AttributeValue.fromS(parcelId), SCAN_SEQ,
                AttributeValue.fromN(Integer.toString(scanSequence)));
    }

    Map<String, AttributeValue> toItem() {
        return Map.of(
                PARCEL_ID, AttributeValue.fromS(parcelId),
                SCAN_SEQ, AttributeValue.fromN(Integer.toString(scanSequence)),
                SCANNER_ID, AttributeValue.fromS(scannerId),
                OPERATION, AttributeValue.fromS(operation.name()),
                FROM_CITY, AttributeValue.fromS(fromCity),
                TO_CITY, AttributeValue.fromS(toCity));
    }

    /** The parcel is on its way to {@link #toCity()} while this is its latest scan. */
    boolean leavesForDestination() {
        return operation == Operation.TransferOut;
    }
}
