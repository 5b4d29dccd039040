/**
 * The JSON codec and the one place Jackson is configured: envelope encoding and decoding
 * through the event-type registry, the wire forms of instants and UUIDs, and the decoding
 * errors with their JSON paths.
 *
 * <p>Null policy: non-null unless documented.
 */
package com.huleedu.commoncore.json;
