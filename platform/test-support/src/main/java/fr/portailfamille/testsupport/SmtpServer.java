package fr.portailfamille.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

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
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
}
