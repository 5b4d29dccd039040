package com.huleedu.commoncore.testing.childjvm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reader for the end of the broker's log file, for error messages. Stateless. */
final class LogTail {

    /** Bytes read from the end of the file; enough for 40 lines of Kafka's INFO output. */
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    /**
     * Returns up to {@code maxLines} last lines of the file, starting no earlier than byte {@code
     * fromOffset}, or a note saying why there are none.
     */
    static String lastLines(Path file, long fromOffset, int maxLines) {
        String text = read(file, fromOffset);
        if (text == null) {
            return "(log file " + file + " is missing or unreadable)";
        }
        if (text.isBlank()) {
            return "(log file " + file + " has no output from this start)";
        }
        List<String> lines = Arrays.asList(text.split("\\R"));
        int from = Math.max(0, lines.size() - maxLines);
        return String.join(System.lineSeparator(), lines.subList(from, lines.size()));
    }

    /**
     * Returns whether the output written since {@code fromOffset} contains {@code text}, looking
     * only at the last 64 KiB of the file.
     */
    static boolean contains(Path file, long fromOffset, String text) {
        String content = read(file, fromOffset);
        return content != null && content.contains(text);
    }

    /** Returns the current size of the file, or 0 if it does not exist. */
    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path file, long fromOffset) {
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            long length = input.length();
            long start = Math.max(fromOffset, length - MAX_BYTES);
            if (start >= length) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - start)];
            input.seek(start);
            input.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
