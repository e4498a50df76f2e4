package dev.shardbridge.emulator.conformance;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ListTablesTest {
    @RegisterExtension
    static final EmulatorFixture emulator = new EmulatorFixture();

    /** Created out of order; ListTables answers names in ascending order. */
    private static final List<String> NAMES = List.of("orders", "Accounts", "events-2", "events-10", "users",
            "audit.log", "zeta_0");

    private final DynamoDbClient dynamo = emulator.client();

    @BeforeAll
    static void createTables() {
        for (String name : NAMES) {
            emulator.client().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                    .keySchema(EmulatorFixture.key("pk", KeyType.HASH))
                    .attributeDefinitions(EmulatorFixture.attribute("pk", ScalarAttributeType.S)));
        }
    }

    @Test
    void listsAllTablesInAscendingOrder() {
        ListTablesResponse all = dynamo.listTables();

        assertThat(all.tableNames()).containsExactly("Accounts", "audit.log", "events-10", "events-2", "orders",
                "users", "zeta_0");
        assertThat(all.lastEvaluatedTableName()).isNull();
    }

    @Test
    void pagesWithLimitAndExclusiveStartTableName() {
        List<List<String>> pages = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = dynamo.listTables(b -> b.limit(3).exclusiveStartTableName(from));
            pages.add(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);

        assertThat(pages).containsExactly(List.of("Accounts", "audit.log", "events-10"),
                List.of("events-2", "orders", "users"), List.of("zeta_0"));
    }

    @Test
    void aFullLastPageStillNamesItsLastTableOnlyWhenMoreFollow() {
        ListTablesResponse firstSix = dynamo.listTables(b -> b.limit(6));
        assertThat(firstSix.lastEvaluatedTableName()).isEqualTo("users");

        ListTablesResponse lastOne = dynamo.listTables(b -> b.limit(1).exclusiveStartTableName("users"));
        assertThat(lastOne.tableNames()).containsExactly("zeta_0");
        assertThat(lastOne.lastEvaluatedTableName()).isNull();
    }

    @Test
    void theStartNeedNotBeAnExistingTable() {
        assertThat(dynamo.listTables(b -> b.exclusiveStartTableName("pzz")).tableNames()).containsExactly("users",
                "zeta_0");
        assertThat(dynamo.listTables(b -> b.exclusiveStartTableName("zzz")).tableNames()).isEmpty();
    }

    @Test
    void theLimitIsOneToOneHundred() {
        assertValidationError(() -> dynamo.listTables(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        assertValidationError(() -> dynamo.listTables(b -> b.limit(101)),
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have "
                        + "value less than or equal to 100");
    }
}
