package com.huleedu.commoncore.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed evidence files of the {@link ConsumerWorker}s of one run. The format of each line
 * is described on {@link ConsumerWorker}.
 */
final class RunEvidence {

    /** One successful handling: the event id, where the record was read, and by which worker. */
    record Handling(String eventId, String coordinates, String workerId) {
    }

    final List<Handling> handlings = new ArrayList<>();
    /** Dead-letter reason per coordinates, one entry per dead-lettering. */
    final List<String[]> deadLetterings = new ArrayList<>();
    /** Highest committed offset per worker id and topic-partition. */
    final Map<String, Map<String, Long>> commitsByWorker = new HashMap<>();
    int retries;

    /**
     * Reads the evidence files. A line cut short by a SIGKILL (no trailing newline) is ignored,
     * because its write did not finish before the worker died.
     */
    static RunEvidence read(List<Path> files) throws IOException {
        RunEvidence evidence = new RunEvidence();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                continue;
            }
            for (String line : text.substring(0, end).split("\n")) {
                evidence.add(line.split(" "));
            }
        }
        return evidence;
    }

    private void add(String[] fields) {
        switch (fields[0]) {
            case "H" -> handlings.add(new Handling(fields[1], fields[2], fields[3]));
            case "R" -> retries++;
            case "D" -> deadLetterings.add(new String[] {fields[1], fields[2], fields[3]});
            case "C" -> commitsByWorker.computeIfAbsent(fields[3], key -> new HashMap<>())
                    .merge(fields[1], Long.parseLong(fields[2]), Math::max);
            default -> throw new IllegalStateException("unknown evidence line: " + String.join(" ", fields));
        }
    }

    /** Returns the coordinates of every record handled or dead-lettered at least once. */
    Set<String> doneCoordinates() {
        Set<String> done = new HashSet<>();
        handlings.forEach(handling -> done.add(handling.coordinates()));
        deadLetterings.forEach(entry -> done.add(entry[0]));
        return done;
    }

    /** Returns whether the worker committed an offset past the record at {@code coordinates}. */
    boolean committedPast(String workerId, String coordinates) {
        int at = coordinates.lastIndexOf('@');
        String partition = coordinates.substring(0, at);
        long offset = Long.parseLong(coordinates.substring(at + 1));
        Long committed = commitsByWorker.getOrDefault(workerId, Map.of()).get(partition);
        return committed != null && committed > offset;
    }
}
