/**
 * Enums shared with the Python services, with the exact string each constant has in JSON, and
 * the catalog of processing events with their Kafka topics.
 *
 * <p>Every enum here implements {@link com.huleedu.commoncore.enums.WireEnum}. Jackson writes a
 * constant as its {@code wireValue()} and reads it back through its static
 * {@code fromWireValue(String)}, which throws
 * {@link com.huleedu.commoncore.enums.UnknownWireValueException} for a value the enum does not
 * define. Wire values are not always the lowercased constant name. The factories are marked
 * {@code @JsonCreator(mode = DELEGATING)} because they take the whole JSON string, not a property
 * of a JSON object.
 * {@link com.huleedu.commoncore.enums.ProcessingEvent} maps each event name to its topic.
 *
 * <p>Null policy: parameters and return values are non-null unless a method's documentation says
 * otherwise.
 */
package com.huleedu.commoncore.enums;
