package dev.shardbridge.emulator.expression;

import dev.shardbridge.emulator.error.DynamoDbException;
import dev.shardbridge.emulator.expression.ast.And;
import dev.shardbridge.emulator.expression.ast.AttributeExists;
import dev.shardbridge.emulator.expression.ast.AttributeTypeIs;
import dev.shardbridge.emulator.expression.ast.BeginsWith;
import dev.shardbridge.emulator.expression.ast.Between;
import dev.shardbridge.emulator.expression.ast.Comparator;
import dev.shardbridge.emulator.expression.ast.Comparison;
import dev.shardbridge.emulator.expression.ast.Condition;
import dev.shardbridge.emulator.expression.ast.Contains;
import dev.shardbridge.emulator.expression.ast.In;
import dev.shardbridge.emulator.expression.ast.Not;
import dev.shardbridge.emulator.expression.ast.Operand;
import dev.shardbridge.emulator.expression.ast.Or;
import dev.shardbridge.emulator.expression.ast.PathOperand;
import dev.shardbridge.emulator.expression.ast.ValueOperand;
import dev.shardbridge.emulator.model.AttributeType;
import dev.shardbridge.emulator.model.AttributeValue;
import dev.shardbridge.emulator.model.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed key condition into a {@link KeyCondition}, enforcing the shape AWS allows: equality on
 * the partition key, optionally AND one condition on the sort key, each comparing the bare key attribute
 * with a value of its declared type. Messages are AWS's, with one deliberate difference from DynamoDB
 * Local: "Query condition missed key schema element" names the element, as AWS itself does.
 */
final class KeyConditionAnalyzer {
    private final KeySchema schema;

    KeyConditionAnalyzer(KeySchema schema) {
        this.schema = schema;
    }

    /** One condition on one attribute, the attribute on the left. */
    private record Term(String attribute, SortKeyCondition.Operator operator, AttributeValue first,
                        AttributeValue second) {
    }

    KeyCondition analyze(Condition root) {
        List<Condition> conditions = new ArrayList<>(2);
        collect(root, conditions);
        if (conditions.size() > 2) {
            throw oneConditionPerKey();
        }
        List<Term> terms = new ArrayList<>(2);
        for (Condition condition : conditions) {
            terms.add(term(condition));
        }
        if (terms.size() == 2 && terms.get(0).attribute().equals(terms.get(1).attribute())) {
            throw oneConditionPerKey();
        }
        Term partition = terms.stream().filter(t -> t.attribute().equals(schema.partitionKey())).findFirst()
                .orElseThrow(() -> missedKeyElement(schema.partitionKey()));
        if (partition.operator() != SortKeyCondition.Operator.EQ) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        Term sort = terms.stream().filter(t -> t != partition).findFirst().orElse(null);
        if (sort != null && !schema.hasSortKey()) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        if (sort != null && !sort.attribute().equals(schema.sortKey())) {
            throw missedKeyElement(schema.sortKey());
        }
        requireType(partition.first(), schema.partitionKeyType());
        requireNotEmpty(partition.first(), schema.partitionKey());
        if (sort == null) {
            return new KeyCondition(partition.first(), null);
        }
        requireType(sort.first(), schema.sortKeyType());
        if (sort.second() != null) {
            requireType(sort.second(), schema.sortKeyType());
        }
        return new KeyCondition(partition.first(), new SortKeyCondition(sort.operator(), sort.first(), sort.second()));
    }

    private static void collect(Condition condition, List<Condition> conditions) {
        if (condition instanceof And and) {
            collect(and.left(), conditions);
            collect(and.right(), conditions);
            return;
        }
        String operator = null;
        if (condition instanceof Or) {
            operator = "OR";
        } else if (condition instanceof Not) {
            operator = "NOT";
        } else if (condition instanceof In) {
            operator = "IN";
        } else if (condition instanceof Comparison comparison && comparison.comparator() == Comparator.NE) {
            operator = "<>";
        } else if (condition instanceof AttributeExists exists) {
            operator = exists.functionName();
        } else if (condition instanceof AttributeTypeIs) {
            operator = "attribute_type";
        } else if (condition instanceof Contains) {
            operator = "contains";
        }
        if (operator != null) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + operator);
        }
        conditions.add(condition);
    }

    private static Term term(Condition condition) {
        if (condition instanceof Comparison comparison) {
            requireBare(comparison.left());
            requireBare(comparison.right());
            if (comparison.left() instanceof PathOperand key && comparison.right() instanceof ValueOperand value) {
                return term(key, operator(comparison.comparator()), value.value(), null);
            }
            if (comparison.left() instanceof ValueOperand value && comparison.right() instanceof PathOperand key) {
                return term(key, operator(comparison.comparator().mirrored()), value.value(), null);
            }
            throw comparison.left() instanceof PathOperand ? multipleAttributeNames() : noKeyAttribute();
        }
        if (condition instanceof Between between) {
            requireBare(between.value());
            requireBare(between.lower());
            requireBare(between.upper());
            if (!(between.value() instanceof PathOperand key)) {
                throw keyNotFirst("BETWEEN");
            }
            if (between.lower() instanceof PathOperand || between.upper() instanceof PathOperand) {
                throw multipleAttributeNames();
            }
            return term(key, SortKeyCondition.Operator.BETWEEN, ((ValueOperand) between.lower()).value(),
                    ((ValueOperand) between.upper()).value());
        }
        BeginsWith beginsWith = (BeginsWith) condition;
        requireBare(beginsWith.value());
        requireBare(beginsWith.prefix());
        if (!(beginsWith.value() instanceof PathOperand key)) {
            throw keyNotFirst("begins_with");
        }
        if (!(beginsWith.prefix() instanceof ValueOperand prefix)) {
            throw multipleAttributeNames();
        }
        return term(key, SortKeyCondition.Operator.BEGINS_WITH, prefix.value(), null);
    }

    private static Term term(PathOperand key, SortKeyCondition.Operator operator, AttributeValue first,
                             AttributeValue second) {
        if (!key.path().isTopLevel()) {
            throw DynamoDbException.validation("Key attributes must be scalars; list random access '[]' and map "
                    + "lookup '.' are not allowed: Key: " + key.path().attributeName());
        }
        return new Term(key.path().attributeName(), operator, first, second);
    }

    private static SortKeyCondition.Operator operator(Comparator comparator) {
        return switch (comparator) {
            case EQ -> SortKeyCondition.Operator.EQ;
            case LT -> SortKeyCondition.Operator.LT;
            case LE -> SortKeyCondition.Operator.LE;
            case GT -> SortKeyCondition.Operator.GT;
            case GE -> SortKeyCondition.Operator.GE;
            case NE -> throw new IllegalStateException("<> is rejected before");
        };
    }

    /** Functions such as {@code size(sk)} cannot appear in a key condition. */
    private static void requireBare(Operand operand) {
        if (!(operand instanceof PathOperand) && !(operand instanceof ValueOperand)) {
            throw DynamoDbException.validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private static void requireType(AttributeValue value, AttributeType declared) {
        if (value.type() != declared) {
            throw DynamoDbException.invalidParameter("Condition parameter type does not match schema type");
        }
    }

    private static void requireNotEmpty(AttributeValue value, String key) {
        boolean emptyString = value instanceof AttributeValue.StringValue s && s.value().isEmpty();
        boolean emptyBinary = value instanceof AttributeValue.BinaryValue b && b.value().size() == 0;
        if (emptyString || emptyBinary) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (emptyString ? "string" : "binary") + " value. Key: " + key);
        }
    }

    private static DynamoDbException missedKeyElement(String key) {
        return DynamoDbException.validation("Query condition missed key schema element: " + key);
    }

    private static DynamoDbException oneConditionPerKey() {
        return DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
    }

    private static DynamoDbException multipleAttributeNames() {
        return DynamoDbException.validation(
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }

    private static DynamoDbException keyNotFirst(String operator) {
        return DynamoDbException.validation("Invalid condition in KeyConditionExpression: " + operator
                + " operator must have the key attribute as its first operand");
    }

    private static DynamoDbException noKeyAttribute() {
        return DynamoDbException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
    }
}
