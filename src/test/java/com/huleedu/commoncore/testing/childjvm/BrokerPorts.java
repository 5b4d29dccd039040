package com.huleedu.commoncore.testing.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback ports of one child-JVM broker: the client listener and the KRaft controller listener.
 *
 * @param broker port of the {@code PLAINTEXT} listener that clients use
 * @param controller port of the {@code CONTROLLER} listener
 */
record BrokerPorts(int broker, int controller) {

    static final String HOST = "127.0.0.1";

    /**
     * Picks two ports that are free at the time of the call. Another process may take them before
     * the broker binds them, so callers retry with new ports when the bind fails.
     */
    static BrokerPorts pickFree() {
        try (ServerSocket first = openEphemeral();
                ServerSocket second = openEphemeral()) {
            return new BrokerPorts(first.getLocalPort(), second.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find two free ports on " + HOST, e);
        }
    }

    String bootstrapServers() {
        return HOST + ":" + broker;
    }

    private static ServerSocket openEphemeral() throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        socket.setReuseAddress(true);
        return socket;
    }
}
