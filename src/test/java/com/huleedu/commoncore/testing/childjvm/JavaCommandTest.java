package com.huleedu.commoncore.testing.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Checks that a child JVM started with the test classpath finds the broker's classes, both when
 * {@code java.class.path} is Surefire's manifest-only jar and when it is a plain list.
 */
class JavaCommandTest {

    /** Main class of the child: exits 0 if the broker, logging and harness classes load. */
    static final class Probe {
        public static void main(String[] args) throws ClassNotFoundException {
            Class.forName("kafka.Kafka");
            Class.forName("kafka.tools.StorageTool");
            Class.forName("ch.qos.logback.classic.Logger");
            Class.forName(KafkaChildMain.class.getName());
            System.out.println("probe ok");
        }
    }

    @Test
    void childFindsKafkaWithTestClasspath() throws Exception {
        String output = runProbe(JavaCommand.classPath());

        assertThat(output).contains("probe ok");
    }

    @Test
    void childFindsKafkaWithPlainList() throws Exception {
        List<String> entries = expandManifestClassPath(JavaCommand.classPath());
        String plainList = String.join(File.pathSeparator, entries);

        String output = runProbe(plainList);

        assertThat(plainList).contains("kafka_2.13");
        assertThat(output).contains("probe ok");
    }

    @Test
    void javaExecutableIsRunningJvm() {
        Path java = JavaCommand.javaExecutable();

        assertThat(java).isExecutable();
        assertThat(java.toString()).startsWith(System.getProperty("java.home"));
    }

    private static String runProbe(String classPath) throws IOException, InterruptedException {
        List<String> command =
                JavaCommand.build(List.of("-Xmx64m"), classPath, Probe.class.getName(), List.of());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("probe JVM exited; output: %s", output).isTrue();
        assertThat(process.exitValue()).as("probe exit status; output: %s", output).isZero();
        return output;
    }

    /**
     * Returns the classpath as a list of files: entries of a manifest-only jar's {@code Class-Path}
     * replace that jar, other entries stay as they are.
     */
    private static List<String> expandManifestClassPath(String classPath) throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            List<String> fromManifest = manifestClassPath(Path.of(entry));
            if (fromManifest.isEmpty()) {
                entries.add(entry);
            } else {
                entries.addAll(fromManifest);
            }
        }
        return entries;
    }

    private static List<String> manifestClassPath(Path entry) throws Exception {
        if (!entry.toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            if (jar.getManifest() == null) {
                return List.of();
            }
            String value =
                    jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            URI base = entry.toAbsolutePath().getParent().toUri();
            List<String> files = new ArrayList<>();
            for (String url : value.trim().split("\\s+")) {
                files.add(Path.of(base.resolve(url)).toString());
            }
            return files;
        }
    }
}
