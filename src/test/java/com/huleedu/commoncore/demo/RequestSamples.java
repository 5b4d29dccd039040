package com.huleedu.commoncore.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.json.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generated input of the demo: valid spellcheck requests with made-up essay texts, and bad
 * samples spread among them, each with the outcome the consumer must reach.
 */
final class RequestSamples {

    /** Expected outcome of a valid request. */
    static final String HANDLED = "handled";

    /** Number of bad samples that {@link #generate} adds to the valid requests. */
    static final int BAD_SAMPLE_COUNT = 10;

    private static final String[] WORDS = {
        "the", "essay", "discusses", "climate", "change", "and", "its", "effects", "on", "farming",
        "students", "wrote", "about", "their", "summer", "holidays", "in", "the", "north", "river",
        "forest", "history", "school", "library", "friends", "because", "every", "winter", "long", "bright",
    };

    /**
     * One record the batch service sends: a valid envelope published through the
     * {@link com.huleedu.commoncore.kafka.EventPublisher}, or raw bytes sent past it.
     *
     * @param key the record key
     * @param envelope the request for the publisher, or {@code null} for a raw record
     * @param rawValue the raw value, or {@code null} (a tombstone, or an envelope record)
     * @param expected {@link #HANDLED}, a failure reason's header value, or {@code null} when unknown
     */
    record Outgoing(String key, EventEnvelope<SpellcheckRequestedDataV1> envelope, byte[] rawValue, String expected) {

        boolean isEnvelope() {
            return envelope != null;
        }
    }

    private RequestSamples() {
    }

    /**
     * Generates {@code count} valid requests plus {@value #BAD_SAMPLE_COUNT} bad samples, the
     * same texts for the same count on every run. Correlation and event ids are new each run.
     */
    static List<Outgoing> generate(int count, EventFactory batchService, EventCodec codec, String batchId) {
        int width = Math.max(4, Integer.toString(count).length());
        Random random = new Random(20_260_314L);
        List<Outgoing> bad = badSamples(batchService, codec);
        List<Outgoing> all = new ArrayList<>(count + bad.size());
        int nextBad = 0;
        for (int i = 1; i <= count; i++) {
            String essayId = "essay-" + String.format("%0" + width + "d", i);
            String language = i % 3 == 0 ? "sv-SE" : "en-US";
            SpellcheckRequestedDataV1 data = new SpellcheckRequestedDataV1(essayText(random), language,
                    Map.of("essay_id", essayId, "batch_id", batchId));
            all.add(new Outgoing(essayId, batchService.create(data), null, HANDLED));
            // Spread the bad samples evenly, so that they sit between valid records on every partition.
            while (nextBad < bad.size() && (long) i * (bad.size() + 1) >= (long) (nextBad + 1) * count) {
                all.add(bad.get(nextBad++));
            }
        }
        all.addAll(bad.subList(nextBad, bad.size()));
        return all;
    }

    /** Returns the bad samples: records the consumer must dead-letter, with the expected reason. */
    static List<Outgoing> badSamples(EventFactory batchService, EventCodec codec) {
        EventEnvelope<SpellcheckRequestedDataV1> base = batchService.create(
                new SpellcheckRequestedDataV1("A short sample essay essay.", "en-US", Map.of("essay_id", "bad-sample")));
        byte[] valid = codec.encode(base);
        String malformed = FailureReason.MALFORMED_JSON.headerValue();
        String invalid = FailureReason.INVALID_PAYLOAD.headerValue();
        String unknownType = FailureReason.UNKNOWN_EVENT_TYPE.headerValue();

        List<Outgoing> samples = new ArrayList<>();
        samples.add(raw("bad-truncated-json", Arrays.copyOf(valid, valid.length / 2), malformed));
        samples.add(raw("bad-invalid-utf8", withInvalidUtf8(valid), malformed));
        samples.add(raw("bad-json-array", ("[" + new String(valid, StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8), malformed));
        samples.add(raw("bad-empty-value", new byte[0], malformed));
        samples.add(new Outgoing("bad-tombstone", null, null, malformed));
        samples.add(raw("bad-blank-text", edit(codec, valid, tree -> ((ObjectNode) tree.get("data")).put("text", "   ")), invalid));
        samples.add(raw("bad-language-tag", edit(codec, valid,
                tree -> ((ObjectNode) tree.get("data")).put("language", "english please")), invalid));
        samples.add(raw("bad-unknown-event-type", edit(codec, valid,
                tree -> tree.put("event_type", "huleedu.essay.grammar.requested.v1")), unknownType));
        samples.add(raw("bad-missing-correlation-id", edit(codec, valid, tree -> tree.remove("correlation_id")),
                FailureReason.MISSING_FIELD.headerValue()));
        // A registered event type that the spellcheck service has no handler for.
        samples.add(raw("bad-unhandled-event-type",
                codec.encode(batchService.create(SpellcheckResultDataV1.success("bad-sample", 0, 0))), unknownType));
        if (samples.size() != BAD_SAMPLE_COUNT) {
            throw new IllegalStateException("BAD_SAMPLE_COUNT is " + BAD_SAMPLE_COUNT + " but " + samples.size()
                    + " bad samples are defined");
        }
        return samples;
    }

    private static Outgoing raw(String key, byte[] value, String expected) {
        return new Outgoing(key, null, value, expected);
    }

    /** Replaces the first byte of the essay text with 0xFF, which is never valid in UTF-8. */
    private static byte[] withInvalidUtf8(byte[] valid) {
        byte[] copy = valid.clone();
        int text = new String(valid, StandardCharsets.ISO_8859_1).indexOf("\"text\":\"");
        copy[text + "\"text\":\"".length()] = (byte) 0xFF;
        return copy;
    }

    private interface TreeEdit {
        void apply(ObjectNode tree);
    }

    private static byte[] edit(EventCodec codec, byte[] valid, TreeEdit change) {
        try {
            ObjectNode tree = (ObjectNode) codec.objectMapper().readTree(valid);
            change.apply(tree);
            return codec.objectMapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to build a bad sample", e);
        }
    }

    /** Returns 12 to 80 words in sentences. About one word in fifteen repeats the word before it. */
    private static String essayText(Random random) {
        int words = 12 + random.nextInt(69);
        StringBuilder text = new StringBuilder();
        String previous = null;
        boolean sentenceStart = true;
        for (int i = 0; i < words; i++) {
            String word = previous != null && random.nextInt(15) == 0 ? previous : WORDS[random.nextInt(WORDS.length)];
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentenceStart ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            sentenceStart = random.nextInt(10) == 0 && i < words - 1;
            if (sentenceStart) {
                text.append('.');
            }
            previous = word;
        }
        return text.append('.').toString();
    }
}
