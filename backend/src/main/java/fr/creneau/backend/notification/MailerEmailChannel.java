package fr.creneau.backend.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import java.util.ArrayList;
import java.util.List;

/**
 * Email through Quarkus Mailer (SMTP). The Message-ID is derived from the outbox id, so a copy re-sent after a
 * crash carries the same Message-ID and mail clients and archives see one message.
 */
public final class MailerEmailChannel implements NotificationChannel {
    private final Mailer mailer;
    private final String domain;

    public MailerEmailChannel(Mailer mailer, String domain) {
        this.mailer = mailer;
        this.domain = domain;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    public String messageId(String idempotencyKey) {
        return "<" + idempotencyKey + "@" + domain + ">";
    }

    @Override
    public List<SendResult> send(List<Outgoing> messages) {
        List<SendResult> results = new ArrayList<>(messages.size());
        for (Outgoing o : messages) {
            RenderedMessage m = o.message();
            Mail mail = Mail.withText(o.target(), m.subject(), m.text()).setHtml(m.html());
            String id = messageId(o.idempotencyKey());
            mail.addHeader("Message-ID", id);
            if (m.ics() != null) {
                mail.addAttachment("rendez-vous.ics", m.ics(), "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            try {
                mailer.send(mail);
                results.add(NotificationChannel.SendResult.sent(id));
            } catch (RuntimeException e) {
                results.add(NotificationChannel.SendResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return results;
    }
}
