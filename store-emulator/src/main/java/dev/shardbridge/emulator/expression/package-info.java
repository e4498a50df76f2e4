/**
 * DynamoDB's expression languages: condition and filter expressions ({@link
 * dev.shardbridge.emulator.expression.ConditionExpression}), update expressions ({@link
 * dev.shardbridge.emulator.expression.UpdateExpression}), projections ({@link
 * dev.shardbridge.emulator.expression.ProjectionExpression}) and key conditions ({@link
 * dev.shardbridge.emulator.expression.KeyCondition}).
 *
 * <p>Each expression is parsed once ({@code parse}) into a tree of nodes that evaluate themselves
 * ({@code ast}), so per-item work is a walk over records without lookups, reflection or regular
 * expressions. Sub-packages: {@code parse} (lexer, recursive-descent parsers, AWS's checks and their
 * priority), {@code ast} (operand and condition nodes, update actions), {@code path} (document paths and
 * reading and writing values at them), {@code update} (applying actions to an item).
 *
 * <p>Behaviour and messages were taken from DynamoDB Local 2.6.1 by differential probing. Deliberate
 * differences, where AWS's documentation or service disagrees with DynamoDB Local: {@code SIZE} and
 * {@code CONVERT} are reserved words (they are on AWS's published list; DynamoDB Local accepts them), and
 * "Query condition missed key schema element" names the missing element, as the AWS service does.
 */
package dev.shardbridge.emulator.expression;
