package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.kafka.consumer.ConsumerObserver;
import com.huleedu.commoncore.kafka.consumer.EventContext;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observer of the spellcheck consumer that collects the coordinates of every record that is
 * done: handled, or acknowledged by the dead-letter topic.
 */
final class DoneTracker implements ConsumerObserver {

    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Override
    public void onHandled(EventEnvelope<?> event, EventContext context) {
        done.add(context.coordinates());
    }

    @Override
    public void onDeadLettered(EventContext context, FailureReason reason) {
        done.add(context.coordinates());
    }

    /** Tells whether every given record is done. */
    boolean allDone(Collection<String> records) {
        return done.containsAll(records);
    }
}
