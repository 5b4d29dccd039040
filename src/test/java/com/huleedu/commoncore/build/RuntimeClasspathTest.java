package com.huleedu.commoncore.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the library's runtime dependencies, as listed by maven-dependency-plugin into {@code
 * target/runtime-dependencies.txt}, so that no test-only jar reaches a service.
 */
class RuntimeClasspathTest {

    /** The six direct runtime dependencies declared in pom.xml. */
    private static final Set<String> DIRECT =
            Set.of(
                    "com.fasterxml.jackson.core:jackson-databind",
                    "com.fasterxml.jackson.datatype:jackson-datatype-jsr310",
                    "jakarta.validation:jakarta.validation-api",
                    "org.hibernate.validator:hibernate-validator",
                    "org.apache.kafka:kafka-clients",
                    "org.slf4j:slf4j-api");

    /** What the direct dependencies bring, as resolved for jackson 2.23, Kafka 4.4.0 and HV 9.1. */
    private static final Set<String> TRANSITIVE =
            Set.of(
                    "com.fasterxml.jackson.core:jackson-annotations",
                    "com.fasterxml.jackson.core:jackson-core",
                    "com.fasterxml:classmate",
                    "org.jboss.logging:jboss-logging",
                    "com.github.luben:zstd-jni",
                    "at.yawk.lz4:lz4-java",
                    "org.xerial.snappy:snappy-java");

    /** Substrings of {@code groupId:artifactId} that must never be on the runtime classpath. */
    private static final List<String> FORBIDDEN =
            List.of("kafka_2.13", "scala", "log4j", "testcontainers", "junit", "logback");

    /**
     * A dependency line such as {@code org.slf4j:slf4j-api:jar:2.0.20:compile -- module ...}:
     * groupId, artifactId, type, optional classifier, version, scope.
     */
    private static final Pattern LINE =
            Pattern.compile(
                    "^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?:([^:\\s]+):([a-z]+)(?:\\s.*)?$");

    private static Map<String, Dependency> dependencies;

    private record Dependency(String version, String scope) {}

    @BeforeAll
    static void readList() throws IOException {
        String buildDirectory = System.getProperty("commoncore.build.directory", "target");
        Path list = Path.of(buildDirectory, "runtime-dependencies.txt");
        assertThat(list)
                .as(
                        "dependency list that maven-dependency-plugin writes in the"
                            + " generate-test-resources phase, so run the tests through Maven")
                .exists();
        dependencies = parse(Files.readAllLines(list, StandardCharsets.UTF_8));
    }

    @Test
    void listIsNotEmpty() {
        assertThat(dependencies).isNotEmpty();
    }

    @Test
    void noTestOnlyJars() {
        for (String coordinates : dependencies.keySet()) {
            for (String forbidden : FORBIDDEN) {
                assertThat(coordinates).as("runtime dependency").doesNotContain(forbidden);
            }
        }
    }

    @Test
    void exactlyDeclaredDependenciesAndTheirs() {
        Set<String> expected = new HashSet<>(DIRECT);
        expected.addAll(TRANSITIVE);

        assertThat(dependencies.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noRuntimeDependencyHasTestScope() {
        for (Map.Entry<String, Dependency> entry : dependencies.entrySet()) {
            assertThat(entry.getValue().scope())
                    .as("scope of %s", entry.getKey())
                    .isIn("compile", "runtime");
        }
    }

    @Test
    void slf4jApiIsVersion2() {
        Dependency slf4j = dependencies.get("org.slf4j:slf4j-api");

        assertThat(slf4j).as("org.slf4j:slf4j-api on the runtime classpath").isNotNull();
        assertThat(slf4j.version()).startsWith("2.");
    }

    private static Map<String, Dependency> parse(List<String> lines) {
        Map<String, Dependency> result = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("The following files have been resolved")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as("dependency list line '%s'", line).isTrue();
            String coordinates = matcher.group(1) + ":" + matcher.group(2);
            result.put(coordinates, new Dependency(matcher.group(5), matcher.group(6)));
        }
        return result;
    }
}
