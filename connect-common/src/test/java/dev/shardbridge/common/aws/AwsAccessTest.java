package dev.shardbridge.common.aws;

import dev.shardbridge.common.config.InconsistentConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cross-key checks of the credentials: each error names the key a user must fix. */
class AwsAccessTest {

    @Test
    void staticNeedsBothKeysAndNamesTheMissingOne() {
        assertThatThrownBy(() -> AwsAccessSettings.of("aws.credentials.provider", "static", "aws.access.key.id", "A"))
                .isInstanceOfSatisfying(InconsistentConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("aws.secret.access.key"))
                .hasMessage("aws.credentials.provider=static needs both aws.access.key.id and aws.secret.access.key");
    }

    @Test
    void settingsTheChosenProviderWouldIgnoreAreRefused() {
        assertThatThrownBy(() -> AwsAccessSettings.of("aws.access.key.id", "A", "aws.secret.access.key", "S"))
                .isInstanceOfSatisfying(InconsistentConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("aws.credentials.provider"))
                .hasMessageContaining("is set but aws.credentials.provider is 'default', which ignores it;"
                        + " set aws.credentials.provider=static or remove it");
        assertThatThrownBy(() -> AwsAccessSettings.of("aws.credentials.provider", "static", "aws.access.key.id", "A",
                "aws.secret.access.key", "S", "aws.role.arn", "arn:aws:iam::1:role/r"))
                .hasMessageContaining("aws.role.arn/aws.role.external.id is set");
    }

    @Test
    void profileAndRoleNeedTheirNames() {
        assertThatThrownBy(() -> AwsAccessSettings.of("aws.credentials.provider", "profile"))
                .hasMessage("aws.credentials.provider=profile needs aws.profile.name");
        assertThatThrownBy(() -> AwsAccessSettings.of("aws.credentials.provider", "assume-role"))
                .hasMessage("aws.credentials.provider=assume-role needs aws.role.arn");
    }

    @Test
    void theSecretNeverShowsInTheSettings() {
        AwsAccess access = AwsAccessSettings.of("aws.credentials.provider", "static", "aws.access.key.id", "AKID",
                "aws.secret.access.key", "s3cr3t");
        assertThat(access.toString()).contains("AKID").doesNotContain("s3cr3t");
    }
}
