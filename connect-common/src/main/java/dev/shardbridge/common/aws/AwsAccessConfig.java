package dev.shardbridge.common.aws;

import dev.shardbridge.common.config.ChoiceValidator;
import dev.shardbridge.common.config.EndpointValidator;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Optional;

/**
 * The settings both connectors use to reach the store, defined once so that the source and the sink take
 * exactly the same keys with the same meaning, validation and documentation.
 */
public final class AwsAccessConfig {

    public static final String CONNECTION_GROUP = "Connection";
    public static final String CREDENTIALS_GROUP = "Credentials";

    public static final String ENDPOINT_OVERRIDE_CONFIG = "aws.endpoint.override";
    private static final String ENDPOINT_OVERRIDE_DOC = "Endpoint for both the DynamoDB and the DynamoDB Streams API,"
            + " for example the store emulator or DynamoDB Local. Empty: AWS's endpoint for the region.";
    public static final String REGION_CONFIG = "aws.region";
    private static final String REGION_DOC = "AWS region, for example eu-west-1. Empty: the SDK's region chain"
            + " (AWS_REGION, profile). Emulators accept any region.";

    public static final String CREDENTIALS_PROVIDER_CONFIG = "aws.credentials.provider";
    public static final String CREDENTIALS_PROVIDER_DEFAULT = CredentialsKind.DEFAULT.configValue();
    private static final String CREDENTIALS_PROVIDER_DOC = "'default': the SDK's default chain; 'static': the"
            + " access key id and secret below; 'profile': a named profile; 'assume-role': a role assumed through"
            + " STS with the default chain's credentials.";
    public static final String ACCESS_KEY_ID_CONFIG = "aws.access.key.id";
    private static final String ACCESS_KEY_ID_DOC = "Access key id, with provider 'static' only.";
    public static final String SECRET_ACCESS_KEY_CONFIG = "aws.secret.access.key";
    private static final String SECRET_ACCESS_KEY_DOC = "Secret access key, with provider 'static' only. Never logged;"
            + " use a config provider to keep it out of connector JSON.";
    public static final String PROFILE_NAME_CONFIG = "aws.profile.name";
    private static final String PROFILE_NAME_DOC = "Profile name, with provider 'profile' only.";
    public static final String ROLE_ARN_CONFIG = "aws.role.arn";
    private static final String ROLE_ARN_DOC = "ARN of the role to assume, with provider 'assume-role' only.";
    public static final String ROLE_EXTERNAL_ID_CONFIG = "aws.role.external.id";
    private static final String ROLE_EXTERNAL_ID_DOC = "External id the role's trust policy requires, if any.";
    public static final String ROLE_SESSION_NAME_CONFIG = "aws.role.session.name";
    private static final String ROLE_SESSION_NAME_DOC = "Session name of the assumed role, visible in CloudTrail.";

    private AwsAccessConfig() {
    }

    /**
     * Adds the connection and credentials keys to {@code def}, in two groups.
     *
     * @param roleSessionNameDefault how this connector names its assumed-role sessions by default
     */
    public static ConfigDef define(ConfigDef def, String roleSessionNameDefault) {
        int c = 0;
        return def
                .define(ENDPOINT_OVERRIDE_CONFIG, Type.STRING, "", new EndpointValidator(), Importance.MEDIUM,
                        ENDPOINT_OVERRIDE_DOC, CONNECTION_GROUP, ++c, Width.LONG, "Endpoint override")
                .define(REGION_CONFIG, Type.STRING, "", Importance.HIGH, REGION_DOC,
                        CONNECTION_GROUP, ++c, Width.SHORT, "Region")
                .define(CREDENTIALS_PROVIDER_CONFIG, Type.STRING, CREDENTIALS_PROVIDER_DEFAULT,
                        ChoiceValidator.of(CredentialsKind.configValues()), Importance.HIGH,
                        CREDENTIALS_PROVIDER_DOC, CREDENTIALS_GROUP, 1, Width.SHORT, "Credentials provider")
                .define(ACCESS_KEY_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, ACCESS_KEY_ID_DOC,
                        CREDENTIALS_GROUP, 2, Width.MEDIUM, "Access key id")
                .define(SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, "", Importance.MEDIUM, SECRET_ACCESS_KEY_DOC,
                        CREDENTIALS_GROUP, 3, Width.MEDIUM, "Secret access key")
                .define(PROFILE_NAME_CONFIG, Type.STRING, "", Importance.LOW, PROFILE_NAME_DOC,
                        CREDENTIALS_GROUP, 4, Width.SHORT, "Profile name")
                .define(ROLE_ARN_CONFIG, Type.STRING, "", Importance.MEDIUM, ROLE_ARN_DOC,
                        CREDENTIALS_GROUP, 5, Width.LONG, "Role ARN")
                .define(ROLE_EXTERNAL_ID_CONFIG, Type.STRING, "", Importance.LOW, ROLE_EXTERNAL_ID_DOC,
                        CREDENTIALS_GROUP, 6, Width.MEDIUM, "Role external id")
                .define(ROLE_SESSION_NAME_CONFIG, Type.STRING, roleSessionNameDefault, new ConfigDef.NonEmptyString(),
                        Importance.LOW, ROLE_SESSION_NAME_DOC, CREDENTIALS_GROUP, 7, Width.MEDIUM, "Role session name");
    }

    /** The settings as {@code config} holds them; call {@link AwsAccess#checkConsistent()} to check them. */
    public static AwsAccess read(AbstractConfig config) {
        Password secret = config.getPassword(SECRET_ACCESS_KEY_CONFIG);
        CredentialsSettings credentials = new CredentialsSettings(
                CredentialsKind.fromConfig(config.getString(CREDENTIALS_PROVIDER_CONFIG)),
                nonEmpty(config, ACCESS_KEY_ID_CONFIG),
                secret == null || secret.value().isEmpty() ? Optional.empty() : Optional.of(secret),
                nonEmpty(config, PROFILE_NAME_CONFIG),
                nonEmpty(config, ROLE_ARN_CONFIG),
                nonEmpty(config, ROLE_EXTERNAL_ID_CONFIG),
                config.getString(ROLE_SESSION_NAME_CONFIG));
        return new AwsAccess(nonEmpty(config, ENDPOINT_OVERRIDE_CONFIG).map(URI::create),
                nonEmpty(config, REGION_CONFIG).map(Region::of), credentials);
    }

    private static Optional<String> nonEmpty(AbstractConfig config, String key) {
        String value = config.getString(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
