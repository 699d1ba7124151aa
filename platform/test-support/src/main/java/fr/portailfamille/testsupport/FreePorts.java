package fr.portailfamille.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nobody listens on right now, on 127.0.0.1, for a server a test starts a moment later.
 *
 * <p>Chosen below Linux's ephemeral range (32768–60999), never by {@code new ServerSocket(0)}: a
 * port from the ephemeral range can be taken as the local port of any outgoing connection (a
 * database pool, a Kafka client) between the moment it is chosen and the moment the server binds it
 * — an e2e run once failed with « Port … was already in use » that way. A port is never given twice
 * by this JVM.
 */
public final class FreePorts {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                GIVEN.add(port);
                return port;
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new IllegalStateException("No free port between " + FROM + " and " + TO);
    }
}
