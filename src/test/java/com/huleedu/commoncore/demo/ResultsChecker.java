package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventMetadata;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.kafka.consumer.EventContext;
import com.huleedu.commoncore.kafka.consumer.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The handler of the third consumer: collects the results and matches them to the handled
 * requests.
 *
 * <p>A result names its request by the {@value SpellcheckService#REQUEST_RECORD} metadata key,
 * because correlation ids alone need not be unique per request (the Pydantic vectors share
 * one). The match then checks that the result carries the request's correlation id. A second
 * result for the same request, which a redelivered or retried request produces, counts as a
 * duplicate.
 */
final class ResultsChecker implements EventHandler<SpellcheckResultDataV1> {

    /** One result as received. */
    private record Received(String correlationId, String eventId) {
    }

    private final Map<String, List<Received>> byRequest = new ConcurrentHashMap<>();
    private final Set<String> withoutRequestRecord = ConcurrentHashMap.newKeySet();
    private final AtomicLong records = new AtomicLong();

    @Override
    public void handle(EventEnvelope<SpellcheckResultDataV1> event, EventContext context) {
        records.incrementAndGet();
        Object request = event.findMetadata().map(EventMetadata::extra).map(extra -> extra.get(SpellcheckService.REQUEST_RECORD))
                .orElse(null);
        Received received = new Received(event.correlationId().toString(), event.eventId().toString());
        if (!(request instanceof String record)) {
            withoutRequestRecord.add(context.coordinates());
            return;
        }
        byRequest.compute(record, (key, list) -> {
            List<Received> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
            copy.add(received);
            return copy;
        });
    }

    /** Returns the number of result records received, duplicates included. */
    long records() {
        return records.get();
    }

    /** Returns the number of requests with at least one result. */
    int answeredRequests() {
        return byRequest.size();
    }

    /** Returns the number of results beyond the first one per request. */
    long duplicates() {
        return byRequest.values().stream().mapToLong(list -> list.size() - 1L).sum();
    }

    /** Tells whether every handled request has a result. */
    boolean coversAll(Set<String> handledRecords) {
        return byRequest.keySet().containsAll(handledRecords);
    }

    /**
     * Compares the results with the handled requests.
     *
     * @param handled correlation id per handled request record
     * @return the findings, all empty when every request got a result with its correlation id
     */
    Check check(Map<String, String> handled) {
        Set<String> missing = new TreeSet<>();
        Set<String> wrongCorrelation = new TreeSet<>();
        Set<String> distinctCorrelationIds = new TreeSet<>();
        handled.forEach((record, correlationId) -> {
            List<Received> results = byRequest.get(record);
            if (results == null) {
                missing.add(record);
                return;
            }
            for (Received result : results) {
                distinctCorrelationIds.add(result.correlationId());
                if (!result.correlationId().equals(correlationId)) {
                    wrongCorrelation.add(record);
                }
            }
        });
        Set<String> unexpected = new TreeSet<>(byRequest.keySet());
        unexpected.removeAll(handled.keySet());
        unexpected.addAll(withoutRequestRecord);
        return new Check(missing, wrongCorrelation, unexpected, distinctCorrelationIds.size());
    }

    /**
     * What the comparison found.
     *
     * @param missing handled request records without a result
     * @param wrongCorrelation request records whose result carries another correlation id
     * @param unexpected results for no handled request, by request record or by the result's own coordinates
     * @param distinctCorrelationIds number of distinct correlation ids among the matched results
     */
    record Check(Set<String> missing, Set<String> wrongCorrelation, Set<String> unexpected, int distinctCorrelationIds) {

        boolean passed() {
            return missing.isEmpty() && wrongCorrelation.isEmpty() && unexpected.isEmpty();
        }
    }
}
