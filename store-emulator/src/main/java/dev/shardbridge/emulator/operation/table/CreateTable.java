package dev.shardbridge.emulator.operation.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.KeySchema;
import dev.shardbridge.emulator.operation.ConstraintViolations;
import dev.shardbridge.emulator.operation.Json;
import dev.shardbridge.emulator.operation.Operation;
import dev.shardbridge.emulator.operation.Request;
import dev.shardbridge.emulator.table.BillingMode;
import dev.shardbridge.emulator.table.ProvisionedThroughput;
import dev.shardbridge.emulator.table.ServiceIdentity;
import dev.shardbridge.emulator.table.StreamSpecification;
import dev.shardbridge.emulator.table.Table;
import dev.shardbridge.emulator.table.TableCatalog;
import dev.shardbridge.emulator.table.TableDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CreateTable: a hash or hash-and-range key of type S, N or B, billing mode and stream setting. */
public final class CreateTable implements Operation {
    private static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    private static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");

    private final TableCatalog catalog;
    private final ServiceIdentity identity;
    private final Clock clock;

    public CreateTable(TableCatalog catalog, ServiceIdentity identity, Clock clock) {
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "CreateTable";
    }

    @Override
    public ObjectNode execute(Request request) {
        String tableName = request.string("TableName");
        JsonNode keySchemaNode = request.array("KeySchema");
        JsonNode definitionsNode = request.array("AttributeDefinitions");
        // Constraint violations are listed in AWS's member order, all of them in one answer.
        ConstraintViolations violations = new ConstraintViolations().notNull(definitionsNode, "attributeDefinitions");
        List<String[]> definitionElements = definitionsNode == null ? List.of()
                : attributeDefinitions(definitionsNode, violations);
        violations.tableName(tableName, "tableName");
        BillingMode requestedBilling = TableSettingsParser.billingMode(request, violations);
        ProvisionedThroughput requestedThroughput = TableSettingsParser.throughput(request, violations);
        violations.notNull(keySchemaNode, "keySchema");
        if (keySchemaNode != null && (keySchemaNode.isEmpty() || keySchemaNode.size() > 2)) {
            violations.add("[...]", "keySchema", keySchemaNode.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 2");
        }
        List<String[]> keyElements = keySchemaNode == null ? List.of() : keyElements(keySchemaNode, violations);
        StreamSpecification requestedStream = TableSettingsParser.stream(request, violations);
        violations.throwIfAny();
        rejectUnsupported(request);

        // The order of the semantic checks is AWS's: billing, then the key schema, then the stream.
        BillingMode billingMode = requestedBilling == null ? BillingMode.PROVISIONED : requestedBilling;
        ProvisionedThroughput throughput = TableSettingsParser.checkCreateBilling(billingMode, requestedThroughput);
        Map<String, AttributeType> definitions = uniqueDefinitions(definitionElements);
        KeySchema keySchema = keySchema(keyElements, definitions);
        StreamSpecification stream = TableSettingsParser.checkCreateStream(requestedStream);

        TableDefinition definition = TableDefinition.created(tableName, identity.tableArn(tableName),
                UUID.randomUUID().toString(), keySchema, definitions, billingMode, throughput, stream,
                clock.instant());
        Table table = catalog.create(definition);
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    /** Each definition as {name, type}; shape problems go to {@code violations}. */
    private static List<String[]> attributeDefinitions(JsonNode node, ConstraintViolations violations) {
        return namedPairs(node, "attributeDefinitions", "AttributeType", "attributeType", ATTRIBUTE_TYPES, violations);
    }

    private static Map<String, AttributeType> uniqueDefinitions(List<String[]> elements) {
        Map<String, AttributeType> definitions = new LinkedHashMap<>();
        for (String[] element : elements) {
            if (definitions.put(element[0], AttributeType.valueOf(element[1])) != null) {
                throw DynamoDbException.validation("Attribute Name is duplicated: " + element[0]);
            }
        }
        return definitions;
    }

    /** Each key element as {name, key type}; shape problems go to {@code violations}. */
    private static List<String[]> keyElements(JsonNode node, ConstraintViolations violations) {
        return namedPairs(node, "keySchema", "KeyType", "keyType", KEY_TYPES, violations);
    }

    /**
     * The {AttributeName, second member} pairs of a list such as AttributeDefinitions or KeySchema, with
     * AWS's member paths ({@code keySchema.1.member.keyType}) in the violations.
     */
    private static List<String[]> namedPairs(JsonNode node, String listPath, String member, String memberPath,
                                             List<String> allowed, ConstraintViolations violations) {
        List<String[]> pairs = new ArrayList<>();
        int index = 1;
        for (JsonNode element : node) {
            Request pair = new Request(requireObject(element));
            String name = pair.string("AttributeName");
            String value = pair.string(member);
            String path = listPath + "." + index + ".member";
            violations.notNull(name, path + ".attributeName").notNull(value, path + "." + memberPath)
                    .oneOf(value, path + "." + memberPath, allowed);
            pairs.add(new String[] {name, value});
            index++;
        }
        return pairs;
    }

    private static KeySchema keySchema(List<String[]> elements, Map<String, AttributeType> definitions) {
        List<String> keyNames = elements.stream().map(e -> e[0]).toList();
        if (keyNames.size() > definitions.size()) {
            throw DynamoDbException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        if (!definitions.keySet().containsAll(keyNames)) {
            throw DynamoDbException.invalidParameter("Some index key attributes are not defined in "
                    + "AttributeDefinitions. Keys: " + keyNames + ", AttributeDefinitions: " + definitions.keySet());
        }
        if (keyNames.size() == 2 && keyNames.get(0).equals(keyNames.get(1))) {
            throw DynamoDbException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(elements.get(0)[1])) {
            throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (elements.size() == 2 && !"RANGE".equals(elements.get(1)[1])) {
            throw DynamoDbException.validation(
                    "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (definitions.size() != keyNames.size()) {
            throw DynamoDbException.invalidParameter("Number of attributes in KeySchema does not exactly match "
                    + "number of attributes defined in AttributeDefinitions");
        }
        String hash = keyNames.get(0);
        String range = keyNames.size() == 2 ? keyNames.get(1) : null;
        return new KeySchema(hash, definitions.get(hash), range, range == null ? null : definitions.get(range));
    }

    /** Secondary indexes are outside the emulator's scope; say so instead of silently ignoring them. */
    private static void rejectUnsupported(Request request) {
        for (String member : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            JsonNode indexes = request.array(member);
            if (indexes != null && !indexes.isEmpty()) {
                throw DynamoDbException.validation(member + " are not supported by the shardbridge store emulator");
            }
        }
    }

    private static ObjectNode requireObject(JsonNode node) {
        if (!node.isObject()) {
            throw dev.shardbridge.emulator.model.AttributeValueJson.mismatch(node, "Structure");
        }
        return (ObjectNode) node;
    }
}
