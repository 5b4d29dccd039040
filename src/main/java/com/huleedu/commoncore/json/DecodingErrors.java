package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.io.IOException;
import java.util.List;

/**
 * Turns Jackson's exceptions into {@link EventDecodingException}s with a JSON path and a
 * message that never repeats the input: Jackson's own messages quote tokens and values, which
 * may be essay text, so only their kind and location are kept, and they are not attached as
 * causes: a service that logs the decoding exception with its stack trace must not leak the
 * input through a cause's message.
 */
final class DecodingErrors {

    private DecodingErrors() {
    }

    /**
     * Translates an exception thrown while reading the envelope or binding a part of it.
     *
     * @param e the exception
     * @param pathPrefix path of the value being bound, such as {@code data}, or {@code $} for the document
     * @param eventType the event type read so far, or {@code null}
     */
    static EventDecodingException translate(IOException e, String pathPrefix, String eventType) {
        if (e instanceof StreamConstraintsException constraints) {
            return constraintFailure(constraints, pathPrefix, eventType);
        }
        if (e instanceof JsonEOFException) {
            return new EventDecodingException(FailureReason.MALFORMED_JSON, pathPrefix, eventType,
                    "unexpected end of input" + location(e) + ": the JSON document is truncated", null);
        }
        if (e instanceof JsonParseException) {
            return new EventDecodingException(FailureReason.MALFORMED_JSON, pathPrefix, eventType,
                    syntaxProblem(e) + location(e), null);
        }
        if (e instanceof JsonMappingException mapping) {
            return mappingFailure(mapping, pathPrefix, eventType);
        }
        return new EventDecodingException(FailureReason.MALFORMED_JSON, pathPrefix, eventType,
                "cannot read the bytes as JSON (" + e.getClass().getSimpleName() + ")" + location(e), null);
    }

    private static EventDecodingException constraintFailure(StreamConstraintsException e, String path, String eventType) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return new EventDecodingException(FailureReason.TOO_DEEP, path, eventType,
                    "JSON nesting is deeper than the limit" + location(e) + "; events never need deep nesting", null);
        }
        return new EventDecodingException(FailureReason.TOO_LARGE, path, eventType,
                "a value or the document is longer than the size limit" + location(e)
                        + "; store large content elsewhere and send a reference", null);
    }

    private static EventDecodingException mappingFailure(JsonMappingException e, String pathPrefix, String eventType) {
        String path = pathOf(pathPrefix, e.getPath());
        Throwable cause = e.getCause();

        // Failures whose message is already safe, or that belong to the parser rather than binding.
        if (e instanceof WireValueException) {
            return new EventDecodingException(FailureReason.INVALID_VALUE, path, eventType, e.getOriginalMessage(), null);
        }
        if (cause instanceof StreamConstraintsException constraints) {
            return constraintFailure(constraints, path, eventType);
        }
        if (cause instanceof JsonParseException || cause instanceof JsonEOFException) {
            return translate((IOException) cause, path, eventType);
        }

        CommonCoreException ours = findCommonCoreCause(e);
        if (ours != null) {
            return new EventDecodingException(ours.reason(), path, eventType, ours.getMessage(), ours);
        }

        // Jackson's own binding failures: keep the kind and the target type, never the message.
        if (e instanceof ValueInstantiationException instantiation) {
            String type = instantiation.getType() == null ? "the payload" : instantiation.getType().getRawClass().getSimpleName();
            String problem = cause == null ? "unknown error" : cause.getClass().getSimpleName();
            return new EventDecodingException(FailureReason.INVALID_VALUE, path, eventType,
                    "the constructor of " + type + " rejected the values (" + problem + ")", null);
        }
        if (e instanceof InvalidFormatException format) {
            return new EventDecodingException(FailureReason.INVALID_VALUE, path, eventType,
                    "invalid value for type " + simpleName(format.getTargetType()), null);
        }
        if (e instanceof MismatchedInputException mismatch && isMissingValue(mismatch)) {
            return new EventDecodingException(FailureReason.MISSING_FIELD, path, eventType,
                    "required value of type " + simpleName(mismatch.getTargetType()) + " is missing or null", null);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new EventDecodingException(FailureReason.INVALID_VALUE, path, eventType,
                    "wrong JSON type: expected a value of type " + simpleName(mismatch.getTargetType()), null);
        }
        return new EventDecodingException(FailureReason.INVALID_VALUE, path, eventType,
                "cannot bind the value (" + e.getClass().getSimpleName() + ")", null);
    }

    /**
     * Tells a missing or {@code null} required value from a wrong type. Jackson 2 has no
     * exception type for either, so this reads the start of its message, which names no value.
     */
    private static boolean isMissingValue(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null
                && (message.startsWith("Missing required creator property") || message.startsWith("Cannot map `null` into type"));
    }

    private static CommonCoreException findCommonCoreCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof CommonCoreException ours) {
                return ours;
            }
        }
        return null;
    }

    /**
     * Builds a path such as {@code data.metadata.tags[1]} from Jackson's reference chain.
     */
    static String pathOf(String prefix, List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$".equals(prefix) ? "" : prefix);
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String syntaxProblem(IOException e) {
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        if (message != null && message.contains("Invalid UTF-8")) {
            return "invalid UTF-8 byte sequence";
        }
        if (message != null && message.contains("Illegal unquoted character")) {
            return "unescaped control character in a string";
        }
        return "JSON syntax error";
    }

    private static String location(IOException e) {
        if (e instanceof JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "unknown" : type.getSimpleName();
    }
}
