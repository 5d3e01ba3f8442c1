package fr.creneau.backend.notification;

import fr.creneau.model.rules.AppointmentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The absence notices: where to turn (practice, emergency number, substitute), nothing clinical, two SMS parts. */
class AbsenceNoticeTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String LINK = "https://creneau.fr/r/p/AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    final MessageRenderer renderer = new MessageRenderer();

    static AppointmentView view(String motive, String address) {
        Instant s = Instant.parse("2030-03-04T08:00:00Z");
        return new AppointmentView(1, AppointmentStatus.CANCELLED_BY_PRACTICE, s, s.plusSeconds(900),
                "Maison de santé des Tilleuls", "+33140000000", PARIS, address, motive);
    }

    static MessageRenderer.AbsenceNotice notice(String substitute) {
        return new MessageRenderer.AbsenceNotice("15", substitute, List.of(Instant.parse("2030-03-04T13:00:00Z"),
                Instant.parse("2030-03-04T13:15:00Z"), Instant.parse("2030-03-05T09:00:00Z")));
    }

    @Test
    void theProposalSmsCarriesWhenWhereTheLinkTheEmergencyNumberAndTheSubstitute() {
        RenderedMessage sms = renderer.renderAbsence(NotificationKind.ABSENCE_PROPOSAL, DeliveryChannel.SMS,
                view(null, "12 rue des Tilleuls, 75011 Paris"), notice("Dr Claire Moreau, 01 43 00 00 99"), LINK);
        assertThat(sms.shortText()).contains("Maison de santé des Tilleuls").contains("09:00").contains("12 rue des Tilleuls")
                .contains("3 créneaux proposés").contains(LINK).contains("Urgence : 15")
                .contains("Cabinet +33140000000").contains("Remplacant : Dr Claire Moreau, 01 43 00 00 99");
        assertThat(GsmText.segments(sms.shortText())).isLessThanOrEqualTo(MessageRenderer.MAX_SMS_SEGMENTS);
        assertThat(sms.text()).isNull();
    }

    @Test
    void noMotiveUnlessOptedInAndNoPractitionerOrProposalDetailOnALockScreen() {
        RenderedMessage push = renderer.renderAbsence(NotificationKind.ABSENCE_CANCELLED, DeliveryChannel.PUSH,
                view(null, "12 rue des Tilleuls, 75011 Paris"), notice(null), null);
        assertThat(push.shortText()).contains("Praticien absent, RDV annulé").contains("Urgence : 15")
                .doesNotContain("Remplacant").doesNotContain("http").doesNotContain("14:00");
        // the dispatcher passes the label only when the practice opted the motive in (show_in_reminders)
        RenderedMessage optedIn = renderer.renderAbsence(NotificationKind.ABSENCE_CANCELLED, DeliveryChannel.PUSH,
                view("Vaccination", "12 rue des Tilleuls"), notice(null), null);
        assertThat(optedIn.shortText()).contains("(Vaccination)");
    }

    @Test
    void aLongAddressAndSubstituteAreCutNeverTheNumbersOrTheLink() {
        String address = "Bâtiment C, escalier 4, troisième étage, porte gauche, 128 boulevard de la République prolongée, 75011 Paris";
        String substitute = "Docteur Jean-Christophe de La Rochefoucauld-Montmorency, cabinet médical du Parc, 01 43 00 00 99, du lundi au vendredi";
        RenderedMessage sms = renderer.renderAbsence(NotificationKind.ABSENCE_PROPOSAL, DeliveryChannel.SMS,
                view(null, address), notice(substitute), LINK);
        assertThat(GsmText.segments(sms.shortText())).isLessThanOrEqualTo(MessageRenderer.MAX_SMS_SEGMENTS);
        assertThat(sms.shortText()).contains(LINK).contains("Urgence : 15").contains("+33140000000").contains("09:00");
    }

    @Test
    void theEmailListsTheProposedTimesAndWhereToTurn() {
        RenderedMessage email = renderer.renderAbsence(NotificationKind.ABSENCE_PROPOSAL, DeliveryChannel.EMAIL,
                view(null, "12 rue des Tilleuls, 75011 Paris"), notice("Dr Claire Moreau"), LINK);
        assertThat(email.text()).contains("lundi 4 mars 2030 à 09:00").contains("lundi 4 mars 2030 à 14:15")
                .contains("mardi 5 mars 2030 à 10:00").contains(LINK).contains("Urgence : 15")
                .contains("Remplaçant : Dr Claire Moreau");
        assertThat(email.html()).contains("href=\"" + LINK + "\"").contains("Urgence : 15");
        RenderedMessage cancelled = renderer.renderAbsence(NotificationKind.ABSENCE_CANCELLED, DeliveryChannel.EMAIL,
                view(null, "12 rue des Tilleuls, 75011 Paris"), notice(null), null);
        assertThat(cancelled.text()).contains("Pour un autre rendez-vous : +33140000000").doesNotContain("http");
    }
}
