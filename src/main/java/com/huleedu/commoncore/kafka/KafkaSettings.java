package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/**
 * Shows Kafka settings in logs with secret values hidden.
 *
 * <p>A value is hidden when its key names a password, secret, credential, token, key or JAAS
 * configuration, such as {@code sasl.jaas.config}, {@code ssl.keystore.password},
 * {@code ssl.key.password} or {@code sasl.oauthbearer.client.credentials.client.secret}.
 */
public final class KafkaSettings {

    /** The replacement of a hidden value. */
    public static final String HIDDEN = "[hidden]";

    private static final String[] SECRET_KEY_PARTS = {"password", "secret", "jaas", "credential", "token", "user.info", ".key"};

    private KafkaSettings() {
    }

    /**
     * Returns a sorted copy of the settings with secret values replaced by {@value #HIDDEN}.
     *
     * @param settings Kafka client settings
     * @return a copy safe for logs
     */
    public static Map<String, Object> redacted(Map<String, ?> settings) {
        Map<String, Object> copy = new TreeMap<>();
        settings.forEach((key, value) -> copy.put(key, isSecret(key) ? HIDDEN : value));
        return copy;
    }

    /**
     * Creates a Kafka client, turning Kafka's rejection of a setting into common-core's exception.
     *
     * @param factory creates the client
     * @param kind what is created, such as {@code producer}, for the message
     * @param <T> the client type
     * @return the client
     * @throws CommonCoreException with {@link FailureReason#INVALID_CONFIGURATION} if Kafka
     *         rejects a setting; Kafka's message hides password values
     */
    public static <T> T create(Supplier<T> factory, String kind) {
        try {
            return factory.get();
        } catch (ConfigException e) {
            throw new CommonCoreException(FailureReason.INVALID_CONFIGURATION,
                    "invalid Kafka " + kind + " setting: " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a setting's value must never be logged.
     *
     * @param key the setting name
     * @return {@code true} for passwords, secrets, credentials, tokens, keys and JAAS configuration
     */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String part : SECRET_KEY_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
