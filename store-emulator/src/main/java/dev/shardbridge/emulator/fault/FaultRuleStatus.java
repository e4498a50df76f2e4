package dev.shardbridge.emulator.fault;

/**
 * An installed rule as the admin API lists it.
 *
 * @param id   the id to remove it by
 * @param rule the rule as given (after defaults)
 * @param seed the seed its draws use
 * @param hits how often it has fired: requests failed or delayed, or writes returned unprocessed
 */
public record FaultRuleStatus(long id, FaultRule rule, long seed, long hits) {

    /** True once a rule with a max count has used it up; it stays listed until removed. */
    public boolean exhausted() {
        return rule.maxCount() > 0 && hits >= rule.maxCount();
    }
}
