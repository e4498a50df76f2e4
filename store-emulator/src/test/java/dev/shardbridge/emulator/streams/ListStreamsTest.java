package dev.shardbridge.emulator.streams;

import static dev.shardbridge.emulator.conformance.AwsErrors.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** ListStreams: every stream, or one table's, in pages. */
class ListStreamsTest {
    private static final List<String> TABLES = List.of("list-a", "list-b", "list-c", "list-d", "list-e");

    private static StreamsEmulator emulator;
    private static DynamoDbStreamsClient streams;
    private static List<String> arns;

    @BeforeAll
    static void start() {
        emulator = StreamsEmulator.start();
        streams = emulator.clients().streams();
        arns = TABLES.stream().map(name -> TestTable.create(emulator.clients(), name, StreamViewType.KEYS_ONLY))
                .map(TestTable::streamArn).toList();
        emulator.clients().tables().createTable(b -> b.tableName("list-without-stream")
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void listsEveryStreamWithItsTableAndLabel() {
        ListStreamsResponse response = streams.listStreams();

        assertThat(response.streams()).extracting(Stream::streamArn).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(response.streams()).allSatisfy(stream -> {
            assertThat(stream.streamArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/"
                    + stream.tableName() + "/stream/" + stream.streamLabel());
            assertThat(stream.streamLabel()).isEqualTo("2031-03-14T15:09:26.535");
        });
        assertThat(response.lastEvaluatedStreamArn()).isNull();
    }

    @Test
    void tableNameFiltersToThatTablesStreams() {
        assertThat(streams.listStreams(b -> b.tableName("list-c")).streams()).extracting(Stream::streamArn)
                .containsExactly(arns.get(2));
        assertThat(streams.listStreams(b -> b.tableName("list-without-stream")).streams()).isEmpty();
    }

    /** As DynamoDB Local answers: an unknown table simply has no streams. */
    @Test
    void anUnknownTableHasNoStreams() {
        assertThat(streams.listStreams(b -> b.tableName("no-such-table")).streams()).isEmpty();
    }

    @Test
    void pagesWithLimitAndExclusiveStartStreamArn() {
        List<List<String>> pages = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            ListStreamsResponse page = streams.listStreams(b -> b.limit(2).exclusiveStartStreamArn(exclusiveStart));
            pages.add(page.streams().stream().map(Stream::streamArn).toList());
            start = page.lastEvaluatedStreamArn();
            if (start != null) {
                assertThat(start).isEqualTo(pages.get(pages.size() - 1).get(1));
            }
        } while (start != null);

        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(arns);
    }

    @Test
    void limitMustBeOneToAHundred() {
        assertValidationError(() -> streams.listStreams(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertValidationError(() -> streams.listStreams(b -> b.limit(101)), "One or more parameter values were "
                + "invalid: Limit cannot be greater than the maximum allowed size: 100");
    }
}
