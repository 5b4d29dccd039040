package com.huleedu.commoncore.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows Kafka settings in logs with secret values hidden.
 *
 * <p>A value is hidden when its key names a password, secret, credential, token, key or JAAS
 * configuration, such as {@code sasl.jaas.config}, {@code ssl.keystore.password},
 * {@code ssl.key.password} or {@code sasl.oauthbearer.client.credentials.client.secret}.
 */
public final class KafkaSettings {

    /** What a hidden value is replaced with. */
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
