package dev.shardbridge.emulator.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.StoreEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scenario scripts under {@code src/test/resources/differential/} against the emulator and
 * against AWS's DynamoDB Local, step by step, and requires the same normalised answers: same items,
 * same error codes, same messages. Where DynamoDB Local deviates from AWS's documentation the step
 * pins both answers as a known difference (documented in {@code docs/emulator.md}).
 */
class DifferentialTest {
    private static final List<String> SCRIPTS = List.of("tables", "items", "types", "updates", "expressions",
            "batches", "queries", "scans");
    private static final Path DOCUMENTATION = Path.of("..", "docs", "emulator.md");

    private static StoreEmulator emulator;
    private static DynamoDbLocalServer dynamoDbLocal;
    private static JsonApiClient emulatorClient;
    private static JsonApiClient localClient;

    @BeforeAll
    static void startBothServers() {
        emulator = StoreEmulator.start();
        dynamoDbLocal = DynamoDbLocalServer.start();
        emulatorClient = new JsonApiClient(emulator.endpoint());
        localClient = new JsonApiClient(dynamoDbLocal.endpoint());
    }

    /** Stops both and lets go of them: the class stays loaded for the rest of the run, the data need not. */
    @AfterAll
    static void stopBothServers() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
        if (dynamoDbLocal != null) {
            dynamoDbLocal.close();
        }
        emulator = null;
        dynamoDbLocal = null;
        emulatorClient = null;
        localClient = null;
    }

    @TestFactory
    Stream<DynamicNode> scenariosAnswerAlikeOnBothServers() {
        return scenarios().map(scenario -> dynamicContainer(scenario.title(), Stream.concat(
                Stream.of(dynamicTest("drop all tables", DifferentialTest::dropAllTables)),
                scenario.steps().stream().map(step -> dynamicTest(step.displayName(), () -> compare(step))))));
    }

    @Test
    void everyKnownDifferenceIsDocumented() throws IOException {
        String documentation = Files.readString(DOCUMENTATION);
        List<String> ids = scenarios().flatMap(scenario -> scenario.steps().stream())
                .filter(step -> step.known() != null).map(step -> step.known().id()).distinct().toList();

        assertThat(ids).allSatisfy(id -> assertThat(documentation)
                .as("docs/emulator.md documents known difference %s", id).contains("`" + id + "`"));
    }

    private static Stream<Scenario> scenarios() {
        return SCRIPTS.stream().flatMap(name -> ScenarioScript.load("/differential/" + name + ".scenario").stream());
    }

    private static void compare(Step step) {
        ObjectNode fromEmulator = StepExecutor.run(emulatorClient, step);
        ObjectNode fromLocal = StepExecutor.run(localClient, step);
        KnownDifference known = step.known();
        if (known == null) {
            assertThat(fromEmulator).as("%s%nrequest:  %s%nemulator: %s%nlocal:    %s", step.line(), step.request(),
                    fromEmulator, fromLocal).isEqualTo(fromLocal);
            return;
        }
        assertThat(fromEmulator).as("%s: the emulator's side of known difference %s%nlocal: %s", step.line(),
                known.id(), fromLocal).isEqualTo(known.emulator());
        assertThat(fromLocal).as("%s: DynamoDB Local's side of known difference %s (did DynamoDB Local change?)",
                step.line(), known.id()).isEqualTo(known.local());
    }

    private static void dropAllTables() {
        for (JsonApiClient client : List.of(emulatorClient, localClient)) {
            JsonApiClient.Answer tables = client.call("ListTables", JsonApiClient.MAPPER.createObjectNode());
            assertThat(tables.isError()).as("ListTables: %s", tables.body()).isFalse();
            tables.body().path("TableNames").forEach(name -> client.call("DeleteTable",
                    JsonApiClient.MAPPER.createObjectNode().put("TableName", name.asText())));
        }
    }
}
