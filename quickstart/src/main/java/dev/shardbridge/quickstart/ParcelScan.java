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

    static final List<String> CITIES = List.of("Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Chengdu", "Wuhan");

    /** A deterministic scan: parcel {@code p}'s {@code s}-th scan. */
    static ParcelScan of(int parcel, int sequence, int scansPerParcel) {
        Operation operation = sequence == 0 ? Operation.SignIn
                : sequence == scansPerParcel - 1 ? Operation.SignOff
                : sequence % 2 == 1 ? Operation.TransferOut : Operation.TransferIn;
        String from = CITIES.get((parcel + sequence) % CITIES.size());
        String to = CITIES.get((parcel + sequence + 1) % CITIES.size());
        return new ParcelScan(String.format("P%06d", parcel), sequence, "scanner-" + (parcel * 7 + sequence) % 50,
                operation, from, to);
    }

    Map<String, AttributeValue> toItem() {
        return Map.of(
                "parcel_id", AttributeValue.fromS(parcelId),
                "scan_seq", AttributeValue.fromN(Integer.toString(scanSequence)),
                "scanner_id", AttributeValue.fromS(scannerId),
                "operation", AttributeValue.fromS(operation.name()),
                "from_city", AttributeValue.fromS(fromCity),
                "to_city", AttributeValue.fromS(toCity));
    }
}
