package dev.shardbridge.emulator.differential;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A step where DynamoDB Local deviates from AWS's documented behaviour and the emulator follows AWS.
 * Both answers are pinned, so the suite fails when either side changes: a fixed DynamoDB Local turns
 * the difference into an ordinary step. Each id is explained in {@code docs/emulator.md}.
 *
 * @param id       the heading-anchor-like id used in the documentation
 * @param emulator the emulator's normalised answer
 * @param local    DynamoDB Local's normalised answer
 */
record KnownDifference(String id, ObjectNode emulator, ObjectNode local) {
}
