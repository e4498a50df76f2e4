package dev.shardbridge.common.aws;

import dev.shardbridge.common.config.InconsistentConfigException;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import static dev.shardbridge.common.aws.AwsAccessConfig.ACCESS_KEY_ID_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.CREDENTIALS_PROVIDER_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.PROFILE_NAME_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.ROLE_ARN_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.ROLE_EXTERNAL_ID_CONFIG;
import static dev.shardbridge.common.aws.AwsAccessConfig.SECRET_ACCESS_KEY_CONFIG;

/**
 * How a connector reaches the store: endpoint, region and credentials, as one value so that client
 * construction needs nothing else and the table API and the streams API can never be pointed apart.
 *
 * @param endpointOverride the store's endpoint (an emulator, DynamoDB Local, a VPC endpoint); empty for AWS's
 * @param region           the region; empty for the SDK's region chain
 * @param credentials      which credentials provider, with its settings
 */
public record AwsAccess(Optional<URI> endpointOverride, Optional<Region> region, CredentialsSettings credentials) {

    public AwsAccess {
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Rejects settings the chosen provider would ignore as well as missing ones: a user who sets keys but
     * forgets the provider would otherwise run with credentials they did not intend.
     *
     * @throws InconsistentConfigException naming the key to fix
     */
    public void checkConsistent() {
        String kind = credentials.kind().configValue();
        switch (credentials.kind()) {
            case STATIC -> {
                if (credentials.accessKeyId().isEmpty() || credentials.secretAccessKey().isEmpty()) {
                    String missing = credentials.accessKeyId().isEmpty() ? ACCESS_KEY_ID_CONFIG : SECRET_ACCESS_KEY_CONFIG;
                    throw new InconsistentConfigException(missing, CREDENTIALS_PROVIDER_CONFIG + "=static needs both "
                            + ACCESS_KEY_ID_CONFIG + " and " + SECRET_ACCESS_KEY_CONFIG);
                }
            }
            case PROFILE -> require(credentials.profileName().isPresent(), kind, PROFILE_NAME_CONFIG);
            case ASSUME_ROLE -> require(credentials.roleArn().isPresent(), kind, ROLE_ARN_CONFIG);
            case DEFAULT -> { }
        }
        boolean keys = credentials.accessKeyId().isPresent() || credentials.secretAccessKey().isPresent();
        if (keys && credentials.kind() != CredentialsKind.STATIC) {
            reject(kind, ACCESS_KEY_ID_CONFIG + "/" + SECRET_ACCESS_KEY_CONFIG, "static");
        }
        if (credentials.profileName().isPresent() && credentials.kind() != CredentialsKind.PROFILE) {
            reject(kind, PROFILE_NAME_CONFIG, "profile");
        }
        if ((credentials.roleArn().isPresent() || credentials.roleExternalId().isPresent())
                && credentials.kind() != CredentialsKind.ASSUME_ROLE) {
            reject(kind, ROLE_ARN_CONFIG + "/" + ROLE_EXTERNAL_ID_CONFIG, "assume-role");
        }
    }

    private static void require(boolean present, String kind, String key) {
        if (!present) {
            throw new InconsistentConfigException(key, CREDENTIALS_PROVIDER_CONFIG + "=" + kind + " needs " + key);
        }
    }

    private static void reject(String kind, String keys, String intendedKind) {
        throw new InconsistentConfigException(CREDENTIALS_PROVIDER_CONFIG, keys + " is set but "
                + CREDENTIALS_PROVIDER_CONFIG + " is '" + kind + "', which ignores it; set "
                + CREDENTIALS_PROVIDER_CONFIG + "=" + intendedKind + " or remove it");
    }
}
