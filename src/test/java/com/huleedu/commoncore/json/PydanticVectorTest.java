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
 * Runs every envelope written by Pydantic (listed in vectors/pydantic/MANIFEST.tsv) and
 * common-core's own cases beside them (vectors/common-core/MANIFEST.tsv) through the codec and
 * checks the outcome that each manifest expects.
 */
class PydanticVectorTest {

    private static final EventCodec CODEC = EventCodec.withDefaults();
    private static final ObjectMapper TREE = new ObjectMapper();

    record Vector(String directory, String name, String expect, String timestampUtc, String reason) {
        @Override
        public String toString() {
            return directory + "/" + name;
        }

        byte[] bytes() {
            return resource(directory + "/" + name + ".json");
        }
    }

    static Stream<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>(manifest("pydantic"));
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(8);
        vectors.addAll(manifest("common-core"));
        return vectors.stream();
    }

    static Stream<Vector> rejected() {
        return vectors().filter(vector -> vector.expect().equals("reject"));
    }

    private static List<Vector> manifest(String directory) {
        String manifest = new String(resource(directory + "/MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(manifest.split("\n")[0].split("\t"));
        int reasonColumn = header.indexOf("reason");
        List<Vector> vectors = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            if (line.isBlank() || line.startsWith("name\t")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String reason = reasonColumn < 0 ? "" : columns[reasonColumn];
            vectors.add(new Vector(directory, columns[0], columns[1], columns[2], reason));
        }
        return vectors;
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
        EventEnvelope<SpellcheckRequestedDataV1> envelope = CODEC.decode(vector.bytes(), SpellcheckRequestedDataV1.class);

        assertThat(envelope.timestamp()).isEqualTo(Instant.parse(vector.timestampUtc()));
        assertThat(envelope.eventType()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(envelope.data().text()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedVectorKeepsTextExactly(Vector vector) throws IOException {
        byte[] bytes = vector.bytes();
        JsonNode original = TREE.readTree(bytes);

        EventEnvelope<SpellcheckRequestedDataV1> envelope = CODEC.decode(bytes, SpellcheckRequestedDataV1.class);
        EventEnvelope<?> again = CODEC.decode(CODEC.encode(envelope));

        assertThat(envelope.data().text()).isEqualTo(original.path("data").path("text").asText());
        assertThat(again).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedVectorFailsWithManifestReason(Vector vector) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.decode(vector.bytes()))
                .isInstanceOfSatisfying(com.huleedu.commoncore.CommonCoreException.class,
                        e -> assertThat(e.reason().headerValue()).isEqualTo(vector.reason()));
    }

    static byte[] resource(String name) {
        try (InputStream in = PydanticVectorTest.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
