package dev.shardbridge.common.aws;

import org.apache.kafka.common.config.types.Password;

import java.util.Optional;

/**
 * The credentials part of the configuration, as one value so client construction needs nothing else.
 * The secret stays a {@link Password} so that printing this record never reveals it.
 */
public record CredentialsSettings(
        CredentialsKind kind,
        Optional<String> accessKeyId,
        Optional<Password> secretAccessKey,
        Optional<String> profileName,
        Optional<String> roleArn,
        Optional<String> roleExternalId,
        String roleSessionName) {
}
