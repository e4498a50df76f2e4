package dev.shardbridge.sink.config;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/**
 * The credentials part of the sink config, checked for completeness: each provider type has the
 * settings it needs, so a client can be built without further checks.
 *
 * @param type            the provider type
 * @param accessKeyId     for {@code static}, else empty
 * @param secretAccessKey for {@code static}, else null; a {@link Password} so it is never logged
 * @param profileName     for {@code profile}, else empty
 * @param roleArn         for {@code assume-role}, else empty
 * @param roleSessionName the STS session name for {@code assume-role}
 * @param externalId      the optional external id for {@code assume-role}
 */
public record CredentialsSettings(CredentialsProviderType type, String accessKeyId, Password secretAccessKey,
                                  String profileName, String roleArn, String roleSessionName,
                                  Optional<String> externalId) {

    public CredentialsSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(externalId, "externalId");
    }
}
