package com.huleedu.commoncore.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.json.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class PublisherSettingsTest {

    private static final String BOOTSTRAP = "127.0.0.1:9092";

    @Test
    void defaultProperties() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP).build();

        Map<String, Object> properties = settings.kafkaProperties();
        assertThat(properties).containsEntry("bootstrap.servers", BOOTSTRAP);
        assertThat(properties).containsEntry("acks", "all");
        assertThat(properties).containsEntry("enable.idempotence", true);
        assertThat(properties).containsEntry("compression.type", "lz4");
        assertThat(properties).containsEntry("linger.ms", 5);
        assertThat(properties).containsEntry("max.in.flight.requests.per.connection", 5);
        assertThat(properties).containsEntry("delivery.timeout.ms", 120_000);
        assertThat(properties).containsEntry("key.serializer", ByteArraySerializer.class.getName());
        assertThat(properties).containsEntry("value.serializer", ByteArraySerializer.class.getName());
        assertThat(properties).hasSize(9);
        assertThat(settings.maxEventBytes()).isEqualTo(1_048_576 - 16_384);
        assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(130));
    }

    @Test
    void overridesPassThrough() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("linger.ms", 20)
                .kafkaProperty("compression.type", "zstd")
                .kafkaProperties(Map.of("acks", "1", "client.id", "essay-service", "batch.size", "65536"))
                .build();

        Map<String, Object> properties = settings.kafkaProperties();
        assertThat(properties).containsEntry("linger.ms", 20);
        assertThat(properties).containsEntry("compression.type", "zstd");
        assertThat(properties).containsEntry("acks", "1");
        assertThat(properties).containsEntry("client.id", "essay-service");
        assertThat(properties).containsEntry("batch.size", "65536");
        assertThat(properties).containsEntry("enable.idempotence", true);
    }

    @Test
    void serializersCannotBeOverridden() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("key.serializer", StringSerializer.class.getName())
                .kafkaProperty("value.serializer", StringSerializer.class)
                .build();

        assertThat(settings.kafkaProperties()).containsEntry("key.serializer", ByteArraySerializer.class.getName());
        assertThat(settings.kafkaProperties()).containsEntry("value.serializer", ByteArraySerializer.class.getName());
    }

    @Test
    void propertiesAreImmutable() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP).build();

        assertThatThrownBy(() -> settings.kafkaProperties().put("acks", "0"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void maxEventBytesFollowsMaxRequestSize() {
        PublisherSettings fromInteger = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("max.request.size", 2_097_152)
                .build();
        PublisherSettings fromText = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("max.request.size", " 524288 ")
                .build();
        PublisherSettings tiny = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("max.request.size", 2_000)
                .build();

        assertThat(fromInteger.maxEventBytes()).isEqualTo(2_097_152 - 16_384);
        assertThat(fromText.maxEventBytes()).isEqualTo(524_288 - 16_384);
        assertThat(tiny.maxEventBytes()).isEqualTo(1024);
    }

    @Test
    void explicitMaxEventBytesWins() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP)
                .kafkaProperty("max.request.size", 2_097_152)
                .maxEventBytes(4096)
                .build();

        assertThat(settings.maxEventBytes()).isEqualTo(4096);
    }

    @Test
    void invalidMaxRequestSize() {
        CommonCoreException failure = catchThrowableOfType(CommonCoreException.class,
                () -> PublisherSettings.builder(BOOTSTRAP).kafkaProperty("max.request.size", "1MB").build());

        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_CONFIGURATION);
        assertThat(failure.getMessage()).contains("max.request.size").contains("'1MB'");
    }

    @Test
    void invalidKafkaValueFailsOnCreate() {
        PublisherSettings settings = PublisherSettings.builder(BOOTSTRAP).kafkaProperty("acks", "most").build();

        assertThatThrownBy(() -> EventPublisher.create(settings, EventCodec.withDefaults()))
                .isInstanceOfSatisfying(CommonCoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("acks");
                    assertThat(e.getCause()).isInstanceOf(ConfigException.class);
                });
    }

    @Test
    void builderRejectsBadArguments() {
        PublisherSettings.Builder builder = PublisherSettings.builder(BOOTSTRAP);

        assertThatThrownBy(() -> builder.maxEventBytes(1023))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1024");
        assertThatThrownBy(() -> builder.sendTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> builder.kafkaProperty("linger.ms", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("linger.ms");
    }

    @Test
    void redactedHidesSecrets() {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers", BOOTSTRAP,
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"svc\" password=\"jaas-pw\";",
                "ssl.keystore.password", "keystore-pw",
                "ssl.truststore.password", "truststore-pw",
                "ssl.key.password", "key-pw",
                "sasl.oauthbearer.client.credentials.client.secret", "client-secret",
                "my.app.secret.value", "app-secret",
                "acks", "all");

        Map<String, Object> redacted = KafkaSettings.redacted(settings);

        assertThat(redacted).containsEntry("sasl.jaas.config", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("ssl.keystore.password", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("ssl.truststore.password", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("ssl.key.password", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("sasl.oauthbearer.client.credentials.client.secret", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("my.app.secret.value", KafkaSettings.HIDDEN);
        assertThat(redacted).containsEntry("bootstrap.servers", BOOTSTRAP);
        assertThat(redacted).containsEntry("acks", "all");
        assertThat(redacted.toString()).doesNotContain("jaas-pw", "keystore-pw", "truststore-pw", "key-pw",
                "client-secret", "app-secret");
        assertThat(List.copyOf(redacted.keySet())).isSorted();
    }

    @Test
    void redactedKeepsSerializerNames() {
        Map<String, Object> redacted = KafkaSettings.redacted(
                PublisherSettings.builder(BOOTSTRAP).build().kafkaProperties());

        assertThat(redacted).containsEntry("key.serializer", ByteArraySerializer.class.getName());
        assertThat(redacted).containsEntry("value.serializer", ByteArraySerializer.class.getName());
        assertThat(KafkaSettings.isSecret("SASL.JAAS.CONFIG")).isTrue();
    }
}
