package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventMetadata;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.kafka.EventPublisher;
import com.huleedu.commoncore.kafka.PublishRequest;
import com.huleedu.commoncore.kafka.PublishResult;
import com.huleedu.commoncore.kafka.consumer.EventContext;
import com.huleedu.commoncore.kafka.consumer.EventHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The handler of the demo's spellcheck service: counts the words of a request, flags words
 * typed twice in a row, and publishes a {@link SpellcheckResultDataV1} with the request's
 * correlation id.
 *
 * <p>It is not a spellchecker: {@code corrections_made} is the number of repeated adjacent
 * words. The result is published synchronously inside the handler, so a failed publish fails
 * the attempt and the consumer retries the request (at least once). Failures are injected on
 * purpose, counted over first attempts in the order they arrive: every
 * {@code failAfterPublishEvery}-th fails after its result was published, which leaves a
 * duplicate result once the retry publishes again. Every {@code failEvery}-th that is not
 * also a {@code failAfterPublishEvery}-th fails before publishing. Essay text is never logged or written to the processed list.
 */
final class SpellcheckService implements EventHandler<SpellcheckRequestedDataV1> {

    /** Metadata key of the result that names the request's record, {@code topic-partition@offset}. */
    static final String REQUEST_RECORD = "request_record";
    /** Metadata key of the result that contains the request's event id. */
    static final String REQUEST_EVENT_ID = "request_event_id";

    private final EventFactory factory;
    private final EventPublisher publisher;
    private final String resultsTopic;
    private final int failEvery;
    private final int failAfterPublishEvery;
    private final JsonLines processed;
    private final AtomicLong firstAttempts = new AtomicLong();
    private final Map<String, String> correlationByRecord = new ConcurrentHashMap<>();

    SpellcheckService(EventFactory factory, EventPublisher publisher, String resultsTopic, int failEvery,
            int failAfterPublishEvery, JsonLines processed) {
        this.factory = factory;
        this.publisher = publisher;
        this.resultsTopic = resultsTopic;
        this.failEvery = failEvery;
        this.failAfterPublishEvery = failAfterPublishEvery;
        this.processed = processed;
    }

    @Override
    public void handle(EventEnvelope<SpellcheckRequestedDataV1> event, EventContext context) {
        long firstAttempt = context.attempt() == 1 ? firstAttempts.incrementAndGet() : 0;
        boolean failAfterPublish = firstAttempt > 0 && failAfterPublishEvery > 0 && firstAttempt % failAfterPublishEvery == 0;
        if (!failAfterPublish && firstAttempt > 0 && failEvery > 0 && firstAttempt % failEvery == 0) {
            throw new InjectedFailure("injected transient failure before publishing the result of " + context.coordinates());
        }

        String text = event.data().text();
        int wordCount = countWords(text);
        int repeated = countRepeatedWords(text);
        String entityId = entityId(event, context);
        EventEnvelope<SpellcheckResultDataV1> result = factory.createCausedBy(event,
                SpellcheckResultDataV1.success(entityId, repeated, wordCount));
        EventMetadata metadata = result.metadata()
                .with(REQUEST_RECORD, context.coordinates())
                .with(REQUEST_EVENT_ID, event.eventId().toString());
        result = result.withMetadata(metadata);
        PublishResult published = publisher.publish(PublishRequest.of(result).toTopic(resultsTopic).withKey(entityId));

        if (failAfterPublish) {
            throw new InjectedFailure("injected transient failure after publishing result " + result.eventId()
                    + " of " + context.coordinates());
        }
        correlationByRecord.put(context.coordinates(), event.correlationId().toString());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("key", context.key());
        line.put("record", context.coordinates());
        line.put("event_id", event.eventId().toString());
        line.put("event_type", event.eventType());
        line.put("correlation_id", event.correlationId().toString());
        line.put("attempt", context.attempt());
        line.put("word_count", wordCount);
        line.put("corrections_made", repeated);
        line.put("result_event_id", result.eventId().toString());
        line.put("result_record", published.coordinates());
        processed.write(line);
    }

    /** Returns the correlation id of every handled request by its {@code topic-partition@offset}. */
    Map<String, String> handledRequests() {
        return Map.copyOf(correlationByRecord);
    }

    /** Returns the essay id from the request's metadata, else the record key, else the correlation id. */
    static String entityId(EventEnvelope<SpellcheckRequestedDataV1> event, EventContext context) {
        Object essayId = event.data().metadata().get("essay_id");
        if (essayId instanceof String id && !id.isBlank()) {
            return id;
        }
        if (context.key() != null && !context.key().isBlank()) {
            return context.key();
        }
        return event.correlationId().toString();
    }

    /** Counts whitespace-separated tokens. */
    static int countWords(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /**
     * Counts words equal to the word before them, ignoring case and surrounding punctuation,
     * but not across a sentence end ({@code .}, {@code !} or {@code ?}).
     */
    static int countRepeatedWords(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        int repeated = 0;
        String previous = null;
        for (String token : trimmed.split("\\s+")) {
            String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").toLowerCase(Locale.ROOT);
            if (!word.isEmpty() && word.equals(previous)) {
                repeated++;
            }
            boolean endsSentence = token.endsWith(".") || token.endsWith("!") || token.endsWith("?");
            previous = word.isEmpty() || endsSentence ? null : word;
        }
        return repeated;
    }

    /** A failure the demo injects to show retries. It is retryable because it is not a NonRetryableException. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
