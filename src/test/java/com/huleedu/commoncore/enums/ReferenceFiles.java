package com.huleedu.commoncore.enums;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the reference files in {@code src/test/resources/reference}: byte-for-byte copies of the
 * wire values and the topic table published for the Python {@code common_core} package 0.2.0.
 */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** Returns the lines of a file under {@code /reference/} on the test classpath. */
    static List<String> readLines(String fileName) {
        String resource = "/reference/" + fileName;
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read test resource " + resource, e);
        }
    }
}
