package com.huleedu.commoncore.testing.childjvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.testing.BrokerStartException;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Start-up failures of dedicated child-JVM brokers, separate from the shared one. */
class ChildJvmKafkaBrokerTest {

    @Test
    void takenPortRetriedWithNewPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(BrokerPorts.HOST))) {
            BrokerPorts free = BrokerPorts.pickFree();
            BrokerPorts conflicting = new BrokerPorts(taken.getLocalPort(), free.controller());
            Iterator<BrokerPorts> ports = List.of(conflicting, BrokerPorts.pickFree()).iterator();

            try (ChildJvmKafkaBroker broker =
                    ChildJvmKafkaBroker.start(
                            Map.of(), ChildJvmKafkaBroker.DEFAULT_START_TIMEOUT, ports::next)) {
                String log = Files.readString(broker.logFile(), StandardCharsets.UTF_8);

                assertThat(broker.isRunning()).isTrue();
                assertThat(broker.bootstrapServers()).doesNotEndWith(":" + taken.getLocalPort());
                assertThat(log).contains("Address already in use");
                assertThat(ports.hasNext()).as("second set of ports used").isFalse();
            }
        }
    }

    @Test
    void failedStartShowsBrokerLog() {
        // The format tool accepts this setting, but the broker fails when it loads the authorizer.
        Map<String, String> overrides =
                Map.of("authorizer.class.name", "com.example.MissingAuthorizer");

        BrokerStartException failure =
                catchThrowableOfType(
                        BrokerStartException.class,
                        () ->
                                ChildJvmKafkaBroker.start(
                                        overrides, ChildJvmKafkaBroker.DEFAULT_START_TIMEOUT));

        try {
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("process exited during start-up");
            assertThat(failure.getMessage()).contains("Last 40 lines of the broker log");
            assertThat(failure.getMessage()).contains("com.example.MissingAuthorizer");
            assertThat(failure.getMessage()).contains("What to check");
            assertThat(failure.logFile()).isPresent();
            assertThat(failure.logFile().get()).exists();
        } finally {
            if (failure != null) {
                failure.logFile()
                        .map(Path::getParent)
                        .ifPresent(BrokerDirectory::deleteRecursively);
            }
        }
    }
}
