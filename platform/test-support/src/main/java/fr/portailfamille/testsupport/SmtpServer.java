package fr.portailfamille.testsupport;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1, one per JVM; every mail it receives is kept for the
 * tests to read. It can be stopped to play an SMTP outage, and started again on the same port.
 */
public final class SmtpServer {

    private static SmtpServer shared;

    private final int port;
    private GreenMail greenMail;

    private SmtpServer(int port) {
        this.port = port;
    }

    public static synchronized SmtpServer shared() {
        if (shared == null) {
            shared = new SmtpServer(FreePorts.next());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "smtp-stop"));
        }
        return shared;
    }

    /** A server of its own on {@code port} (the local stack's mail catcher). */
    public static SmtpServer on(int port) {
        SmtpServer server = new SmtpServer(port);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new NoDelayGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The mails received for {@code address}. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(message -> Mails.recipients(message).contains(address)).toList();
    }

    public synchronized void purge() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * GreenMail whose SMTP server answers without Nagle's delay ({@code TCP_NODELAY} on each accepted socket).
     * GreenMail writes its multi-line EHLO answer one line per write: with Nagle's algorithm the second line
     * waits for the client's ACK of the first, which the client delays (40 ms on Linux), so every connection
     * cost 40 ms in EHLO alone — one mail in 45 ms, about 20 mails per second for a sender that opens a
     * connection per mail, as Spring's JavaMailSender does (measured by bench/run mail-drain, issue 15: the
     * sender waited in {@code SMTPTransport.ehlo}). A real relay answers EHLO in one write; the catcher
     * must not be what the bench measures.
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : config) {
                if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                    throw new IllegalArgumentException("SMTP only: " + setup.getProtocol());
                }
                services.put(setup.getProtocol(), new com.icegreen.greenmail.smtp.SmtpServer(setup, managers) {
                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            }
            return services;
        }
    }
}
