package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A Jackson mapping failure whose message is known to be safe for logs: it names the expected
 * form, never the received text. The codec keeps this message and adds the JSON path.
 */
final class WireValueException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    WireValueException(JsonParser parser, String message) {
        super(parser, message);
    }
}
