package fr.creneau.backend.notification;

import fr.creneau.model.rules.AppointmentStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS length and the privacy rule: no clinical detail in an SMS or a push unless the motive opts in. */
class MessageRendererTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final MessageRenderer renderer = new MessageRenderer();

    static AppointmentView view(long id, String start, String motive) {
        Instant s = Instant.parse(start);
        return new AppointmentView(id, AppointmentStatus.BOOKED, s, s.plusSeconds(1800), "Maison de santé des Tilleuls",
                "+33140000000", PARIS, "12 rue des Tilleuls, 75011 Paris", motive);
    }

    @Test
    void gsmSegmentsAreCountedLikeTheNetwork() {
        assertThat(GsmText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(GsmText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(307))).isEqualTo(3);
        // € is in the extension table: two septets
        assertThat(GsmText.septets("€")).isEqualTo(2);
        assertThat(GsmText.segments("€".repeat(80))).isEqualTo(1);
        assertThat(GsmText.segments("€".repeat(81))).isEqualTo(2);
        // One ê makes it UCS-2: 70 per single message, 67 per part
        assertThat(GsmText.segments("ê" + "a".repeat(69))).isEqualTo(1);
        assertThat(GsmText.segments("ê" + "a".repeat(70))).isEqualTo(2);
        assertThat(GsmText.segments("ê" + "a".repeat(133))).isEqualTo(2);
        assertThat(GsmText.segments("ê" + "a".repeat(134))).isEqualTo(3);
        // An emoji is two UTF-16 units
        assertThat(GsmText.segments("\uD83D\uDE00".repeat(35))).isEqualTo(1);
        assertThat(GsmText.segments("\uD83D\uDE00".repeat(36))).isEqualTo(2);
    }

    @Test
    void frenchTextIsFoldedIntoGsm7() {
        String folded = GsmText.toGsm("Fête à l’hôpital, ça « va » – œuvre");
        assertThat(GsmText.isGsm(folded)).isTrue();
        assertThat(folded).isEqualTo("Fete à l'hopital, ca \" va \" - oeuvre");
        assertThat(GsmText.toGsm("éèàù")).isEqualTo("éèàù");
    }

    @Test
    void everySmsFitsTwoGsmSegmentsEvenWithLongNamesAndSeveralAppointments() {
        String link = "https://creneau.fr/r/" + "A".repeat(32);
        AppointmentView longOne = new AppointmentView(1, AppointmentStatus.BOOKED, Instant.parse("2026-04-22T08:30:00Z"),
                Instant.parse("2026-04-22T09:00:00Z"), "Centre pluridisciplinaire de santé de l'Hôtel-Dieu et des Quatre Chemins",
                "+33140000000", PARIS, "Bâtiment C, escalier 4, 3e étage, 128 boulevard de l'Hôpital, 75013 Paris Cedex 13", null);
        for (NotificationKind kind : NotificationKind.values()) {
            for (List<AppointmentView> list : List.of(List.of(view(1, "2026-04-22T08:30:00Z", null)), List.of(longOne),
                    List.of(longOne, view(2, "2026-04-22T13:00:00Z", null), view(3, "2026-04-22T15:00:00Z", null)))) {
                String sms = renderer.render(kind, DeliveryChannel.SMS, list, kind.asksConfirmation() ? link : null).shortText();
                assertThat(GsmText.isGsm(sms)).as(sms).isTrue();
                assertThat(GsmText.segments(sms)).as(sms).isLessThanOrEqualTo(2);
                if (kind.asksConfirmation()) {
                    assertThat(sms).endsWith(link);
                }
            }
        }
    }

    @Test
    void noClinicalDetailInSmsPushOrEmailUnlessTheMotiveOptsIn() {
        // The renderer only ever receives the label when motive.show_in_reminders is set (see Dispatcher.APPOINTMENTS)
        List<AppointmentView> hidden = List.of(view(1, "2026-04-22T08:30:00Z", null));
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            RenderedMessage m = renderer.render(NotificationKind.REMINDER_48H_CONFIRM, channel, hidden, "https://x/r/t");
            String all = String.join("|", m.title(), m.shortText(), String.valueOf(m.text()), String.valueOf(m.html()),
                    m.ics() == null ? "" : new String(m.ics(), StandardCharsets.UTF_8));
            assertThat(all).contains("Maison de santé des Tilleuls").doesNotContain("Camille", "Dépistage");
            assertThat(m.shortText()).contains("mer. 22/04").contains("10:30").contains("12 rue des Tilleuls");
        }
        RenderedMessage shown = renderer.render(NotificationKind.REMINDER_2H, DeliveryChannel.PUSH,
                List.of(view(1, "2026-04-22T08:30:00Z", "Vaccination")), null);
        assertThat(shown.shortText()).contains("(Vaccination)");
    }

    @Test
    void emailHasTextHtmlAndAnIcsPerAppointment() {
        RenderedMessage m = renderer.render(NotificationKind.REMINDER_WEEK, DeliveryChannel.EMAIL,
                List.of(view(7, "2026-04-22T08:30:00Z", null), view(8, "2026-04-22T13:00:00Z", null)), null);
        assertThat(m.text()).contains("mercredi 22 avril 2026 à 10:30").contains("15:00");
        assertThat(m.html()).startsWith("<!DOCTYPE html>").contains("<li>");
        String ics = new String(m.ics(), StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("UID:appointment-7@creneau.fr").contains("UID:appointment-8@creneau.fr")
                .contains("DTSTART:20260422T083000Z").contains("METHOD:PUBLISH");
    }
}
