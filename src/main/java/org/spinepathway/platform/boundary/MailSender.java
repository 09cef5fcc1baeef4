package org.spinepathway.platform.boundary;

import java.util.Optional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.platform.control.MailOutbox;

/**
 * Sends the outbox over SMTP ({@code clinic.mail.*}) every few seconds. A message the server
 * refuses, or cannot take because it is down, stays queued and is retried with a growing delay.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int BATCH = 20;
    /** A claimed message is due again after this long if its sender stops before recording it (20 messages at up to 30 s of SMTP timeouts each). */
    private static final int LEASE_SECONDS = 900;

    @Resource
    TimerService timers;

    @Inject
    MailOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.mail.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "clinic.mail.poll-seconds")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "clinic.mail.retry-base-seconds")
    int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "clinic.mail.host")
    String host;

    @Inject
    @ConfigProperty(name = "clinic.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "clinic.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "clinic.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "clinic.mail.starttls")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "clinic.mail.from")
    String from;

    private Session session;

    @PostConstruct
    void start() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        boolean auth = username.filter(u -> !u.isBlank()).isPresent();
        props.put("mail.smtp.auth", String.valueOf(auth));
        session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.orElseThrow().strip(), password.orElse("").strip());
            }
        }) : Session.getInstance(props);
        if (enabled) {
            timers.createIntervalTimer(pollSeconds * 1000L, pollSeconds * 1000L, new TimerConfig("mail outbox", false));
        }
    }

    /**
     * Claims the due messages (committed at once), then talks SMTP outside any transaction, and
     * records each outcome in a transaction of its own: no outbox row stays locked while a slow or
     * absent mail server keeps the sender waiting.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        for (MailOutbox.Message message : outbox.claimDue(BATCH, LEASE_SECONDS)) {
            try {
                MimeMessage mime = new MimeMessage(session);
                mime.setFrom(new InternetAddress(from));
                mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient()));
                mime.setSubject(message.subject(), "UTF-8");
                mime.setText(message.body(), "UTF-8");
                if (message.listUnsubscribe() != null) {
                    mime.setHeader("List-Unsubscribe", "<" + message.listUnsubscribe() + ">");
                    mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                }
                Transport.send(mime);
                outbox.markSent(message.id());
            } catch (MessagingException | RuntimeException failed) {
                long delay = MailOutbox.retryDelaySeconds(message.attempts(), retryBaseSeconds);
                LOG.log(Level.WARNING, "Mail " + message.id() + " not sent (attempt " + (message.attempts() + 1) + "), retrying in "
                        + delay + " s: " + LogSafe.text(failed.getMessage()));
                outbox.markFailed(message.id(), message.attempts(), failed.getMessage(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusSeconds(delay));
            }
        }
    }
}
