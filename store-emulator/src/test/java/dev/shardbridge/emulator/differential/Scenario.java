package dev.shardbridge.emulator.differential;

import java.util.List;

/** Steps that run in order on fresh servers (every table dropped first). */
record Scenario(String source, String title, List<Step> steps) {
}
