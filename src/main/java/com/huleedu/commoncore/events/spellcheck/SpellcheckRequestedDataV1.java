package com.huleedu.commoncore.events.spellcheck;

import com.huleedu.commoncore.validation.LanguageTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payload of {@code huleedu.essay.spellcheck.requested.v1}: an essay text to spellcheck.
 *
 * <p>Stricter than the Python model on purpose: blank text and malformed language tags are
 * invalid. {@link #toString()} prints the text's length, never the text, because essays are
 * personal data.
 *
 * @param text the essay text; not blank, at most {@value #MAX_TEXT_LENGTH} characters
 * @param language BCP 47 tag of the text's language; {@value #DEFAULT_LANGUAGE} when absent
 * @param metadata free-form values chosen by the requester; empty when absent
 */
public record SpellcheckRequestedDataV1(
        @NotBlank @Size(max = MAX_TEXT_LENGTH) String text,
        @NotNull @LanguageTag String language,
        @NotNull Map<String, Object> metadata) {

    /** Maximum length of {@code text} in UTF-16 code units, about 50,000 words of prose. */
    public static final int MAX_TEXT_LENGTH = 300_000;

    /** The language assumed when the request names none. */
    public static final String DEFAULT_LANGUAGE = "en-US";

    /**
     * Creates a request, applying the defaults for {@code language} and {@code metadata}.
     */
    public SpellcheckRequestedDataV1 {
        language = language == null ? DEFAULT_LANGUAGE : language;
        metadata = metadata == null || metadata.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Creates a request in the default language without metadata.
     *
     * @param text the essay text
     * @return the request
     */
    public static SpellcheckRequestedDataV1 of(String text) {
        return new SpellcheckRequestedDataV1(text, DEFAULT_LANGUAGE, Map.of());
    }

    /**
     * Creates a request in a given language without metadata.
     *
     * @param text the essay text
     * @param language a BCP 47 tag such as {@code sv-SE}
     * @return the request
     */
    public static SpellcheckRequestedDataV1 of(String text, String language) {
        return new SpellcheckRequestedDataV1(text, language, Map.of());
    }

    /**
     * Describes the request by text length, language and metadata keys; never the text.
     *
     * @return a description safe for logs
     */
    @Override
    public String toString() {
        return "SpellcheckRequestedDataV1[text=<" + (text == null ? "null" : text.length() + " chars")
                + ">, language=" + language + ", metadata_keys=" + metadata.keySet() + "]";
    }
}
