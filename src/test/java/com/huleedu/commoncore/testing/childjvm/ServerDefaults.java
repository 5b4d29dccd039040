package com.huleedu.commoncore.testing.childjvm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default {@code server.properties} of the child-JVM broker: one KRaft node that is broker and
 * controller, on loopback, sized for tests. Stateless.
 */
final class ServerDefaults {

    private ServerDefaults() {}

    static Map<String, String> properties(BrokerPorts ports, Path dataDir) {
        String host = BrokerPorts.HOST;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(BrokerDirectory.NODE_ID));
        String brokerListener = "PLAINTEXT://" + host + ":" + ports.broker();
        String controllerListener = "CONTROLLER://" + host + ":" + ports.controller();
        p.put("listeners", brokerListener + "," + controllerListener);
        p.put("advertised.listeners", brokerListener);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        String voter = BrokerDirectory.NODE_ID + "@" + host + ":" + ports.controller();
        p.put("controller.quorum.voters", voter);
        p.put("log.dirs", dataDir.toAbsolutePath().toString());

        // Tests create their topics explicitly. A test may delete a topic to make it unwritable and
        // relies on a producer not re-creating it.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");

        // Internal topics on a single node: without replication factor 1 the offsets topic is
        // never created and consumer groups never get records.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // The log cleaner allocates this buffer at start-up. In a probe with Kafka 4.4.0, the
        // default of 128 MiB led to an OutOfMemoryError at small heaps.
        p.put("log.cleaner.dedupe.buffer.size", "4194304");

        // Shorter than Kafka's 9 s default, so that a broker restarted after SIGKILL re-registers
        // in seconds, with room for the pauses of a loaded 2-core machine.
        p.put("broker.session.timeout.ms", "6000");
        p.put("broker.heartbeat.interval.ms", "1000");
        return p;
    }
}
