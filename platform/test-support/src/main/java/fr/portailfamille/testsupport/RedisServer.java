package fr.portailfamille.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (Debian's {@code redis-server}, installed by {@code .ci/run}) on a free port, in
 * memory only, one per JVM: the gateway's shared sessions when it runs several replicas.
 */
public final class RedisServer {

    private static RedisServer shared;

    private final int port;
    private final Process process;

    private RedisServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static synchronized RedisServer shared() {
        if (shared == null) {
            int port = FreePorts.next();
            try {
                Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--daemonize", "no")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                shared = new RedisServer(port, process);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "redis-stop"));
                shared.awaitPong(Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new UncheckedIOException("redis-server not found: apt-get install -y redis-server", e);
            }
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public void stop() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPong(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = new byte[7];
                int read = in.read(answer);
                if (read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Pause.millis(100);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port);
    }
}
