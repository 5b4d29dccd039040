package com.huleedu.commoncore.bench;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Spellcheck request envelopes for the benchmarks, built from a fixed seed so that every run
 * and every library works on the same records.
 *
 * <p>Texts are Swedish-like prose with {@code å}, {@code ä}, {@code ö} and an emoji, so the
 * encoders take their non-ASCII paths and lz4 compresses the records about as well as it would
 * compress real essays.
 */
public final class BenchmarkEvents {

    /** Target size of the short text in UTF-8 bytes. */
    public static final int SHORT_TEXT_BYTES = 200;

    /** Target size of the essay-sized text in UTF-8 bytes. */
    public static final int ESSAY_TEXT_BYTES = 5_000;

    /** Target size of the text in Kafka records, which makes an encoded record about 1.2 KB. */
    public static final int KAFKA_TEXT_BYTES = 850;

    /** Source service written into every envelope. */
    public static final String SOURCE_SERVICE = "benchmark-service";

    private static final String[] WORDS = {
        "uppsatsen", "handlar", "om", "hösten", "och", "sjön", "där", "vi", "åt", "äpplen", "med",
        "mormor", "när", "löven", "föll", "över", "ängen", "barnen", "sprang", "till", "bryggan",
        "vattnet", "var", "kallt", "men", "solen", "värmde", "våra", "ansikten", "jag", "skrev",
        "att", "det", "är", "viktigt", "läsa", "böcker", "varje", "dag", "skolan", "lärare",
        "elever", "frågor", "svar", "början", "slutet", "därför", "också", "kanske", "ändå"
    };

    private static final String EMOJI = "\uD83D\uDE00";

    private static final Instant FIXED_TIME = Instant.parse("2025-03-14T09:26:53.589793Z");

    private BenchmarkEvents() {
    }

    /**
     * Builds prose of about {@code targetBytes} UTF-8 bytes, never more, ending with a period.
     *
     * @param targetBytes the size to approach, at least 16
     * @param seed the seed of the word choice
     * @return the text
     */
    public static String text(int targetBytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(targetBytes);
        int bytes = 0;
        int wordsInSentence = 0;
        boolean emojiWritten = false;
        while (true) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (wordsInSentence == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            String separator = text.length() > 0 ? " " : "";
            String piece = separator + word;
            int pieceBytes = piece.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + pieceBytes + 1 > targetBytes) {
                break;
            }
            text.append(piece);
            bytes += pieceBytes;
            wordsInSentence++;
            if (wordsInSentence >= 8 + random.nextInt(8)) {
                String end = !emojiWritten && bytes + 6 <= targetBytes ? ". " + EMOJI : ".";
                emojiWritten |= end.length() > 1;
                text.append(end);
                bytes += end.getBytes(StandardCharsets.UTF_8).length;
                wordsInSentence = 0;
            }
        }
        text.append('.');
        return text.toString();
    }

    /**
     * Creates a factory with a fixed clock, so envelopes differ only in ids.
     *
     * @param registry the registry that maps the payload class to its event type
     * @return the factory
     */
    public static EventFactory factory(EventTypeRegistry registry) {
        return new EventFactory(SOURCE_SERVICE, registry, Clock.fixed(FIXED_TIME, ZoneOffset.UTC));
    }

    /**
     * Creates a spellcheck request envelope in Swedish with two metadata entries.
     *
     * @param factory the factory that assigns ids and times
     * @param text the essay text
     * @param index a number written into the payload's metadata
     * @return the envelope
     */
    public static EventEnvelope<SpellcheckRequestedDataV1> envelope(EventFactory factory, String text, int index) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("essay_id", "essay-" + index);
        metadata.put("attempt", 1);
        return factory.create(new SpellcheckRequestedDataV1(text, "sv-SE", metadata));
    }
}
