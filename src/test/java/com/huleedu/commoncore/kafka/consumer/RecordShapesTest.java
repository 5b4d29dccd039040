package com.huleedu.commoncore.kafka.consumer;

import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.await;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.encode;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.headersOf;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.request;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.send;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.RecordingObserver;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

@RealKafka
class RecordShapesTest {

    @Test
    void headerlessAndOddHeadersAreHandled(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("shapes");
        String group = UniqueNames.groupId("shapes");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        byte[] pythonBytes;
        try (InputStream in = getClass().getResourceAsStream("/vectors/pydantic/py-python-service-envelope.json")) {
            pythonBytes = in.readAllBytes();
        }
        EventEnvelope<SpellcheckRequestedDataV1> odd = request(1);
        RecordHeaders oddHeaders = headersOf(odd);
        oddHeaders.add("event_type", null);
        oddHeaders.add("correlation_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        oddHeaders.add("correlation_id", new byte[] {(byte) 0xC3, 0x28});
        oddHeaders.add("__TypeId__", "java.lang.ProcessBuilder".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "essay-42", pythonBytes, new RecordHeaders());
            send(producer, topic, 0, null, encode(odd), oddHeaders);
        }

        RecordingObserver observer = new RecordingObserver();
        ConsumerTestKit.consumeUntilCommitted(ConsumerTestKit.settings(broker, group, topic).build(), (event, context) -> { }, observer, topic, 2);

        assertThat(observer.handled).containsExactly(topic + "-0@0", topic + "-0@1");
        assertThat(observer.handledEventIds).containsExactly("5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c90", odd.eventId().toString());
        assertThat(observer.deadLettered).isEmpty();
    }

    @Test
    void mdcHoldsIdsAndLogsHideText(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("mdc");
        String group = UniqueNames.groupId("mdc");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        EventEnvelope<SpellcheckRequestedDataV1> event = request(7);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "k", encode(event), headersOf(event));
            send(producer, topic, 0, "bad", ConsumerTestKit.invalidRequestBytes(), new RecordHeaders());
            send(producer, topic, 0, "cut", "{\"event_id\": \"x\", \"data\": {\"text\": \"Elevens hemliga".getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders());
        }

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        Map<String, String> seenMdc = new ConcurrentHashMap<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        RecordingObserver observer = new RecordingObserver();
        try (EventConsumer consumer = EventConsumer.builder(ConsumerTestKit.settings(broker, group, topic).build(), ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (received, context) -> {
                    seenMdc.putAll(MDC.getCopyOfContextMap());
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("transient failure");
                    }
                })
                .observer(observer)
                .build()) {
            consumer.start();
            await("offset 3 is committed", () -> observer.lastCommitted(new TopicPartition(topic, 0)) == 3);
        } finally {
            root.detachAppender(appender);
        }

        assertThat(seenMdc).containsEntry("correlation_id", event.correlationId().toString())
                .containsEntry("event_id", event.eventId().toString())
                .containsEntry("event_type", event.eventType());
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        String all = String.join("\n", lines);
        assertThat(all).contains(topic + "-0@0").contains(event.eventId().toString()).contains(topic + "-0@1")
                .contains(topic + "-0@2");
        assertThat(all).doesNotContain("hemliga").doesNotContain("Elevens");
        for (ILoggingEvent logged : appender.list) {
            assertThat(logged.getThrowableProxy()).as("no stack trace in: %s", logged.getFormattedMessage()).isNull();
        }
    }
}
