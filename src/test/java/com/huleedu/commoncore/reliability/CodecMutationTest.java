package com.huleedu.commoncore.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.json.EventDecodingException;
import com.huleedu.commoncore.validation.EventValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated copies of the Pydantic sample envelopes through {@link EventCodec#decode(byte[])}
 * and checks that every input either decodes or fails with the documented exceptions.
 *
 * <p>System properties: {@code reliability.mutations} sets the number of inputs (default
 * 100,000) and {@code reliability.seed} the seed of the random generator (default: the current
 * time, printed at the start).
 */
class CodecMutationTest {

    private static final List<String> SAMPLES = List.of(
            "py-aware-utc", "py-naive-utcnow", "py-offset-cest", "py-optional-omitted",
            "py-python-service-envelope", "py-unicode-text", "py-unknown-fields", "py-whole-seconds");
    private static final long PER_INPUT_TIMEOUT_SECONDS = 30;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void mutatedSamplesFailOnlyDocumented() throws Exception {
        int count = Integer.getInteger("reliability.mutations", 100_000);
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("CodecMutationTest: " + count + " inputs, seed " + seed
                + " (rerun with -Dreliability.seed=" + seed + ")");

        List<byte[]> samples = loadSamples();
        List<String> essayTexts = essayTexts(samples);
        EventCodec codec = EventCodec.withDefaults();
        Random random = new Random(seed);

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> mutations = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        int causeLeaks = 0;
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            // A large stack is not given on purpose: deep nesting must be rejected, not survived.
            Thread thread = new Thread(runnable, "codec-mutation");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                byte[] sample = samples.get(random.nextInt(samples.size()));
                Mutation mutation = Mutation.pick(random);
                byte[] input = mutation.apply(sample, random);
                mutations.merge(mutation.name(), 1, Integer::sum);

                Future<Throwable> run = executor.submit(() -> decodeOutcome(codec, input));
                Throwable thrown;
                try {
                    thrown = run.get(PER_INPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    unexpected.add("input " + i + " (" + mutation + ") did not finish within "
                            + PER_INPUT_TIMEOUT_SECONDS + " s");
                    break;
                }

                if (thrown == null) {
                    outcomes.merge("accepted", 1, Integer::sum);
                } else if (thrown instanceof EventDecodingException || thrown instanceof EventValidationException) {
                    CommonCoreException documented = (CommonCoreException) thrown;
                    outcomes.merge(documented.reason().name(), 1, Integer::sum);
                    if (containsAny(documented.getMessage(), essayTexts)) {
                        leaks.add("input " + i + " (" + mutation + "): " + documented.getMessage());
                    }
                    if (causeContainsAny(documented.getCause(), essayTexts)) {
                        causeLeaks++;
                    }
                } else {
                    outcomes.merge("unexpected " + thrown.getClass().getName(), 1, Integer::sum);
                    if (unexpected.size() < 20) {
                        unexpected.add("input " + i + " (" + mutation + "): " + thrown);
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        System.out.println("CodecMutationTest: mutations " + mutations);
        System.out.println("CodecMutationTest: outcomes " + outcomes);
        System.out.println("CodecMutationTest: causes quoting sample text " + causeLeaks + ", took "
                + elapsedMillis + " ms");
        assertThat(unexpected).as("inputs that escaped with an undocumented exception or hung").isEmpty();
        assertThat(leaks).as("exception messages that quote a sample essay text").isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
    }

    /** Returns null when the input decoded, or whatever it threw, errors included. */
    private static Throwable decodeOutcome(EventCodec codec, byte[] input) {
        try {
            codec.decode(input);
            return null;
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    private static boolean containsAny(String message, List<String> texts) {
        if (message == null) {
            return false;
        }
        return texts.stream().anyMatch(message::contains);
    }

    private static boolean causeContainsAny(Throwable cause, List<String> texts) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (containsAny(current.getMessage(), texts)) {
                return true;
            }
        }
        return false;
    }

    private static List<byte[]> loadSamples() throws IOException {
        List<byte[]> samples = new ArrayList<>();
        for (String name : SAMPLES) {
            String resource = "/vectors/pydantic/" + name + ".json";
            try (InputStream in = CodecMutationTest.class.getResourceAsStream(resource)) {
                assertThat(in).as("sample " + resource).isNotNull();
                samples.add(in.readAllBytes());
            }
        }
        return samples;
    }

    /** Returns the {@code data.text} of each sample, the essay text that must never be quoted. */
    private static List<String> essayTexts(List<byte[]> samples) throws IOException {
        List<String> texts = new ArrayList<>();
        for (byte[] sample : samples) {
            JsonNode text = MAPPER.readTree(sample).path("data").path("text");
            if (text.isTextual() && text.asText().length() >= 8) {
                texts.add(text.asText());
            }
        }
        assertThat(texts).as("sample essay texts").isNotEmpty();
        return texts;
    }

    /** Kinds of change applied to a sample. Each returns new bytes and leaves the sample as it is. */
    private enum Mutation {
        BIT_FLIP {
            @Override
            byte[] apply(byte[] sample, Random random) {
                byte[] copy = sample.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int index = random.nextInt(copy.length);
                    copy[index] = (byte) (copy[index] ^ (1 << random.nextInt(8)));
                }
                return copy;
            }
        },
        TRUNCATION {
            @Override
            byte[] apply(byte[] sample, Random random) {
                byte[] copy = new byte[random.nextInt(sample.length)];
                System.arraycopy(sample, 0, copy, 0, copy.length);
                return copy;
            }
        },
        INSERTION {
            @Override
            byte[] apply(byte[] sample, Random random) {
                String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "1e999", "-0", "\u0000",
                        "\\ud800", "NaN", "\"x\":1,", "\u00e9", "\uD83D\uDE00", " ", "true"};
                byte[] insert = random.nextBoolean()
                        ? tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8)
                        : randomBytes(random, 1 + random.nextInt(8));
                int at = random.nextInt(sample.length + 1);
                byte[] copy = new byte[sample.length + insert.length];
                System.arraycopy(sample, 0, copy, 0, at);
                System.arraycopy(insert, 0, copy, at, insert.length);
                System.arraycopy(sample, at, copy, at + insert.length, sample.length - at);
                return copy;
            }
        },
        DELETION {
            @Override
            byte[] apply(byte[] sample, Random random) {
                int at = random.nextInt(sample.length);
                int length = 1 + random.nextInt(Math.min(16, sample.length - at));
                byte[] copy = new byte[sample.length - length];
                System.arraycopy(sample, 0, copy, 0, at);
                System.arraycopy(sample, at + length, copy, at, sample.length - at - length);
                return copy;
            }
        },
        TYPE_SWAP {
            @Override
            byte[] apply(byte[] sample, Random random) {
                JsonNode root = readTree(sample);
                List<Slot> slots = new ArrayList<>();
                collectSlots(root, slots);
                Slot slot = slots.get(random.nextInt(slots.size()));
                slot.replace(randomValue(random));
                return writeBytes(root);
            }
        },
        FIELD_REMOVAL {
            @Override
            byte[] apply(byte[] sample, Random random) {
                JsonNode root = readTree(sample);
                List<Slot> slots = new ArrayList<>();
                collectSlots(root, slots);
                List<Slot> fields = slots.stream().filter(candidate -> candidate.parent instanceof ObjectNode).toList();
                Slot slot = fields.get(random.nextInt(fields.size()));
                ((ObjectNode) slot.parent).remove(slot.field);
                return writeBytes(root);
            }
        },
        DEEP_NESTING {
            @Override
            byte[] apply(byte[] sample, Random random) {
                int depth = random.nextBoolean() ? 1 + random.nextInt(200) : 1_000 + random.nextInt(200_000);
                boolean arrays = random.nextBoolean();
                StringBuilder nested = new StringBuilder(depth * 6 + 8);
                for (int i = 0; i < depth; i++) {
                    nested.append(arrays ? "[" : "{\"a\":");
                }
                nested.append("1");
                for (int i = 0; i < depth; i++) {
                    nested.append(arrays ? "]" : "}");
                }
                String json = new String(sample, StandardCharsets.UTF_8);
                String[] places = {"\"metadata\": {}", "\"metadata\":{}", "\"language\": \"sv-SE\"", "\"schema_version\": 1"};
                for (String place : places) {
                    if (json.contains(place)) {
                        String key = place.substring(0, place.indexOf(':') + 1);
                        return json.replaceFirst(java.util.regex.Pattern.quote(place),
                                java.util.regex.Matcher.quoteReplacement(key + nested)).getBytes(StandardCharsets.UTF_8);
                    }
                }
                return nested.toString().getBytes(StandardCharsets.UTF_8);
            }
        },
        /** Rare (see {@link #pick}), because each one costs up to a few megabytes of parsing. */
        HUGE_STRING {
            @Override
            byte[] apply(byte[] sample, Random random) {
                JsonNode root = readTree(sample);
                List<Slot> slots = new ArrayList<>();
                collectSlots(root, slots);
                Slot slot = slots.get(random.nextInt(slots.size()));
                int length = random.nextInt(4) == 0 ? 900_000 + random.nextInt(400_000) : 1 + random.nextInt(320_000);
                char fill = "a\u00e9\u4e2d\"\\".charAt(random.nextInt(5));
                slot.replace(JsonNodeFactory.instance.textNode(String.valueOf(fill).repeat(length)));
                return writeBytes(root);
            }
        },
        RANDOM_BYTES {
            @Override
            byte[] apply(byte[] sample, Random random) {
                return randomBytes(random, random.nextInt(64));
            }
        };

        abstract byte[] apply(byte[] sample, Random random);

        /** Picks a mutation; each has weight 12 except {@link #HUGE_STRING}, which has weight 1. */
        static Mutation pick(Random random) {
            int ticket = random.nextInt(12 * (values().length - 1) + 1);
            return ticket == 0 ? HUGE_STRING : NOT_HUGE.get((ticket - 1) / 12);
        }
    }

    private static final List<Mutation> NOT_HUGE = java.util.Arrays.stream(Mutation.values())
            .filter(mutation -> mutation != Mutation.HUGE_STRING).toList();

    /** One value in a JSON tree, addressable for replacement through its parent. */
    private record Slot(JsonNode parent, String field, int index) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Slot(object, field.getKey(), -1));
                collectSlots(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collectSlots(array.get(i), slots);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> nodes.numberNode(random.nextLong());
            case 1 -> nodes.numberNode(random.nextDouble() * 1e300);
            case 2 -> nodes.arrayNode().add(1).add("x");
            case 3 -> nodes.objectNode().put("text", 7);
            case 4 -> nodes.nullNode();
            case 5 -> nodes.booleanNode(random.nextBoolean());
            case 6 -> nodes.textNode("");
            case 7 -> nodes.textNode("not-a-uuid-or-date");
            default -> nodes.numberNode(new java.math.BigInteger(200, random));
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static JsonNode readTree(byte[] sample) {
        try {
            return MAPPER.readTree(sample);
        } catch (IOException e) {
            throw new IllegalStateException("a Pydantic sample is not valid JSON", e);
        }
    }

    private static byte[] writeBytes(JsonNode root) {
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a mutated sample", e);
        }
    }
}
