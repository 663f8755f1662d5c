package org.koban.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A GreenMail SMTP server on a loopback port fixed for the test JVM, so that the mail tests' Spring context
 * can point {@code spring.mail.port} at it once, and a test can stop it (an SMTP outage) and start it again.
 * Each start is a fresh server with an empty mailbox.
 */
public final class TestMailServer {

    private static final int PORT = freePort();
    private static GreenMail server;

    private TestMailServer() {}

    public static int port() {
        return PORT;
    }

    public static synchronized void start() {
        if (server != null) return;
        GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
    }

    public static synchronized void stop() {
        if (server == null) return;
        server.stop();
        server = null;
    }

    public static synchronized boolean running() {
        return server != null;
    }

    /** The messages this server (since its last start) received for the address. */
    public static synchronized List<MimeMessage> receivedBy(String address) {
        if (server == null) return List.of();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
