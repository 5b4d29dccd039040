/**
 * Kafka helpers built on the contract: header names, the publisher and its settings. The
 * consumer lives in {@link com.huleedu.commoncore.kafka.consumer}.
 *
 * <p>Null policy: non-null unless documented.
 */
package com.huleedu.commoncore.kafka;
