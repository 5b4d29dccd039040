package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every envelope written by Pydantic (listed in vectors/pydantic/MANIFEST.tsv) through the
 * codec, as the manifest's expected outcome says.
 */
class PydanticVectorTest {

    private static final EventCodec CODEC = EventCodec.withDefaults();
    private static final ObjectMapper TREE = new ObjectMapper();

    record Vector(String name, String expect, String timestampUtc, String note) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        String manifest = new String(resource("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<Vector> vectors = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            if (line.isBlank() || line.startsWith("name\t")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            vectors.add(new Vector(columns[0], columns[1], columns[2], columns[3]));
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(8);
        return vectors.stream();
    }

    static Stream<Vector> accepted() {
        return vectors().filter(vector -> vector.expect().equals("accept"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void manifestOutcomeIsKnown(Vector vector) {
        assertThat(vector.expect()).isIn("accept", "reject");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedVectorDecodesToManifestInstant(Vector vector) {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = CODEC.decode(resource(vector.name() + ".json"), SpellcheckRequestedDataV1.class);

        assertThat(envelope.timestamp()).isEqualTo(Instant.parse(vector.timestampUtc()));
        assertThat(envelope.eventType()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(envelope.data().text()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedVectorKeepsTextExactly(Vector vector) throws IOException {
        byte[] bytes = resource(vector.name() + ".json");
        JsonNode original = TREE.readTree(bytes);

        EventEnvelope<SpellcheckRequestedDataV1> envelope = CODEC.decode(bytes, SpellcheckRequestedDataV1.class);
        EventEnvelope<?> again = CODEC.decode(CODEC.encode(envelope));

        assertThat(envelope.data().text()).isEqualTo(original.path("data").path("text").asText());
        assertThat(again).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectedVectorFailsWithDocumentedException(Vector vector) {
        org.junit.jupiter.api.Assumptions.assumeTrue(vector.expect().equals("reject"),
                "the manifest marks " + vector.name() + " as accepted; the accept tests cover it");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.decode(resource(vector.name() + ".json")))
                .isInstanceOf(com.huleedu.commoncore.CommonCoreException.class);
    }

    static byte[] resource(String name) {
        try (InputStream in = PydanticVectorTest.class.getResourceAsStream("/vectors/pydantic/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/pydantic/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
