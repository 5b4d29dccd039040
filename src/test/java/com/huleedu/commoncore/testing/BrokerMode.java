package com.huleedu.commoncore.testing;

/** Kind of Kafka broker that the harness uses for a test run. */
public enum BrokerMode {

    /** An existing cluster named by the environment variable {@code KAFKA_BOOTSTRAP_SERVERS}. */
    EXTERNAL,

    /** A Testcontainers {@code apache/kafka} container, used when Docker is available. */
    TESTCONTAINERS,

    /** A single-node KRaft broker in a child JVM started from the test classpath. */
    CHILD_JVM
}
