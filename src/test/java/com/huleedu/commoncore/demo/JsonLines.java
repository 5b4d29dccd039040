package com.huleedu.commoncore.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Writes one JSON object per line to a file, from any thread, and describes record values as
 * text or base64.
 */
final class JsonLines implements AutoCloseable {

    /** Jackson mapper of the output files: keys in insertion order, no pretty-printing. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.INDENT_OUTPUT);

    /** {@code value_encoding} of a value that is valid UTF-8 and written as a JSON string. */
    static final String UTF8 = "utf-8";
    /** {@code value_encoding} of a value that is not valid UTF-8 and written as base64. */
    static final String BASE64 = "base64";
    /** {@code value_encoding} of a record without a value (a tombstone). */
    static final String NONE = "none";

    private final BufferedWriter writer;
    private long lines;

    private JsonLines(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Creates or truncates the file. */
    static JsonLines create(Path file) throws IOException {
        return new JsonLines(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Appends one line, with the keys in the map's iteration order. */
    synchronized void write(Map<String, ?> line) {
        try {
            writer.write(MAPPER.writeValueAsString(line));
            writer.newLine();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write an output line", e);
        }
    }

    synchronized long lines() {
        return lines;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    /**
     * Adds {@code value_encoding} and {@code value} for a record value: the text when the bytes
     * are valid UTF-8, otherwise base64.
     */
    static void putValue(Map<String, Object> line, byte[] value) {
        if (value == null) {
            line.put("value_encoding", NONE);
            line.put("value", null);
            return;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
            line.put("value_encoding", UTF8);
            line.put("value", text);
        } catch (CharacterCodingException e) {
            line.put("value_encoding", BASE64);
            line.put("value", Base64.getEncoder().encodeToString(value));
        }
    }
}
