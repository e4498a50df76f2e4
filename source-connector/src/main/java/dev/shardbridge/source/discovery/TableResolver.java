package dev.shardbridge.source.discovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The tables to read: those listed by name, plus every existing table whose whole name matches the regex. */
public final class TableResolver {

    private final DynamoDbClient dynamoDb;
    private final List<String> named;
    private final Optional<Pattern> regex;

    public TableResolver(DynamoDbClient dynamoDb, List<String> named, Optional<Pattern> regex) {
        this.dynamoDb = dynamoDb;
        this.named = List.copyOf(named);
        this.regex = regex;
    }

    /** Sorted and without duplicates. Lists all tables (every page) only when a regex is configured. */
    public List<String> resolve() {
        TreeSet<String> tables = new TreeSet<>(named);
        regex.ifPresent(pattern -> dynamoDb.listTablesPaginator(request -> { }).tableNames().stream()
                .filter(name -> pattern.matcher(name).matches())
                .forEach(tables::add));
        return List.copyOf(tables);
    }
}
