/**
 * Test harness that gives every test run one real Apache Kafka broker, with or without Docker.
 *
 * <p>{@link com.huleedu.commoncore.testing.KafkaBrokers#shared()} selects and starts the broker
 * once per JVM, and {@link com.huleedu.commoncore.testing.KafkaBrokerExtension} (or {@link
 * com.huleedu.commoncore.testing.RealKafka}) injects it into JUnit 5 tests. See {@code
 * docs/testing.md} for the selection order, fault control and reuse from services.
 */
package com.huleedu.commoncore.testing;
