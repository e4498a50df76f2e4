package dev.shardbridge.emulator.table;

/**
 * The region and account the emulator pretends to be, used in ARNs and stream records.
 *
 * @param region    e.g. {@code us-east-1}
 * @param accountId twelve digits
 */
public record ServiceIdentity(String region, String accountId) {
    public static final ServiceIdentity DEFAULT = new ServiceIdentity("us-east-1", "000000000000");

    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }
}
