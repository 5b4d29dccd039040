/**
 * The event contract without any Kafka type: {@link com.huleedu.commoncore.events.EventEnvelope},
 * {@link com.huleedu.commoncore.events.EventMetadata}, the envelope factory and the event-type
 * registry. Payload records live in one sub-package per domain.
 *
 * <p>Null policy: non-null unless documented; {@code EventEnvelope.metadata} and
 * {@code EventMetadata.publishedAt} are the documented exceptions.
 */
package com.huleedu.commoncore.events;
