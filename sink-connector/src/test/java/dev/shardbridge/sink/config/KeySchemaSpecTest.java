package dev.shardbridge.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class KeySchemaSpecTest {

    @Test
    void parsesPairsPartitionKeyFirst() {
        KeySchemaSpec spec = KeySchemaSpec.parse(" customer:s , order:N ");

        assertThat(spec.keySchema()).extracting(e -> e.attributeName() + "/" + e.keyType())
                .containsExactly("customer/HASH", "order/RANGE");
        assertThat(spec.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeType())
                .containsExactly("customer:S", "order:N");
        assertThat(spec).hasToString("customer:S,order:N");
    }

    @Test
    void swappedKeysAreAnotherSchema() {
        assertThat(KeySchemaSpec.parse("a:S,b:N")).isNotEqualTo(KeySchemaSpec.parse("b:N,a:S"))
                .isEqualTo(KeySchemaSpec.parse("a:S,b:N"));
    }

    @Test
    void readsAnExistingTableWhateverOrderItListsItsKeysIn() {
        TableDescription table = TableDescription.builder()
                .keySchema(KeySchemaElement.builder().attributeName("order").keyType(KeyType.RANGE).build(),
                        KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("order")
                                .attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("customer").attributeType(ScalarAttributeType.S).build())
                .build();

        assertThat(KeySchemaSpec.of(table)).isEqualTo(KeySchemaSpec.parse("customer:S,order:N"));
    }

    @Test
    void refusesWhatIsNotAKeySchema() {
        assertThatThrownBy(() -> KeySchemaSpec.parse("pk")).hasMessage("'pk' is not name:type");
        assertThatThrownBy(() -> KeySchemaSpec.parse("pk:BOOL")).hasMessage("Key type 'BOOL' is not S, N or B");
        assertThatThrownBy(() -> KeySchemaSpec.parse("pk:S,pk:N")).hasMessage("Key attribute 'pk' appears twice");
        assertThatThrownBy(() -> KeySchemaSpec.parse("a:S,b:S,c:S")).hasMessageContaining("at most one sort key");
        assertThatThrownBy(() -> new DynamoDbSinkConfig(Map.of(DynamoDbSinkConfig.TABLE_KEY_SCHEMA_CONFIG, "pk:X")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("table.key.schema");
    }
}
