package org.spinepathway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** What a test's GreenMail server received: the messages the clinic's outbox sent. */
public final class Mailbox {

    private Mailbox() {
    }

    /** A real SMTP server (GreenMail) on a free port of 127.0.0.1, started, for the clinic's outbox to send to. */
    public static GreenMail startSmtp() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the test's SMTP server", e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The port {@link #startSmtp()}'s server listens on: the clinic's {@code clinic.mail.port}. */
    public static String port(GreenMail smtp) {
        return String.valueOf(smtp.getSmtp().getServerSetup().getPort());
    }

    /** The first message to {@code recipient} whose subject starts so, waiting up to 30 s for the outbox to send it. */
    public static MimeMessage await(GreenMail smtp, String recipient, String subjectStart) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    if (Arrays.toString(m.getAllRecipients()).contains(recipient) && m.getSubject().startsWith(subjectStart)) {
                        return m;
                    }
                }
                Thread.sleep(250);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read a received message", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no message \"" + subjectStart + "...\" to " + recipient + " within 30 s");
    }

    /** How many messages to {@code recipient} arrived so far. */
    public static long countTo(GreenMail smtp, String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(recipient);
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    /** The message's recipients, as one string. */
    public static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read a received message", e);
        }
    }

    /** The message's text, decoded, as its reader sees it. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text.replace("\r\n", "\n") : GreenMailUtil.getBody(message);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("could not read a received message", e);
        }
    }
}
