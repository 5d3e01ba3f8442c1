package fr.creneau.backend.notification;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static fr.creneau.backend.notification.MessageRendererTest.view;
import static org.assertj.core.api.Assertions.assertThat;

/** Every notification text exists in French and in English, and each kind renders in the reader's language. */
class NotificationLanguageTest {
    final MessageRenderer renderer = new MessageRenderer();
    static final String LINK = "https://creneau.fr/r/AAAA";

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<Object> fr = NotificationTexts.all(Language.FR).keySet();
        Set<Object> en = NotificationTexts.all(Language.EN).keySet();
        assertThat(en).containsExactlyInAnyOrderElementsOf(fr);
    }

    @Test
    void languageCodesDefaultToFrench() {
        assertThat(Language.of("en")).isEqualTo(Language.EN);
        assertThat(Language.of("en-GB")).isEqualTo(Language.EN);
        assertThat(Language.of("fr")).isEqualTo(Language.FR);
        assertThat(Language.of(null)).isEqualTo(Language.FR);
        assertThat(Language.of("de")).isEqualTo(Language.FR);
    }

    @Test
    void everyAppointmentKindRendersInEnglishAndInFrenchOnEveryChannel() {
        List<AppointmentView> one = List.of(view(1, "2026-04-22T08:30:00Z", null));
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind == NotificationKind.WAITLIST_OFFER || kind.aboutRequest()) {
                continue; // rendered by their own methods, below
            }
            for (DeliveryChannel channel : DeliveryChannel.values()) {
                String link = kind.asksConfirmation() ? LINK : null;
                RenderedMessage en = renderer.render(Language.EN, kind, channel, one, link);
                RenderedMessage fr = renderer.render(Language.FR, kind, channel, one, link);
                assertThat(en.title()).as(kind + " " + channel).isNotEqualTo(fr.title());
                assertThat(en.shortText()).as(kind + " " + channel).contains("Wed 22 Apr at 10:30").doesNotContain(" à ");
                assertThat(fr.shortText()).as(kind + " " + channel).contains("mer. 22/04 à 10:30");
                assertThat(en.title() + en.shortText()).doesNotContain("RDV", "Rendez-vous", "Merci");
                if (link != null) {
                    assertThat(en.shortText()).endsWith("Confirm or cancel: " + LINK);
                    assertThat(fr.shortText()).endsWith("Confirmer ou annuler : " + LINK);
                }
                if (channel == DeliveryChannel.EMAIL) {
                    assertThat(en.subject()).startsWith(en.title() + " - ");
                    assertThat(en.text()).startsWith("Hello,").contains("Wednesday 22 April 2026 at 10:30")
                            .contains("Any question: +33140000000");
                    assertThat(fr.text()).startsWith("Bonjour,").contains("mercredi 22 avril 2026 à 10:30");
                    assertThat(en.html()).contains("<html lang=\"en\">").contains("Wednesday 22 April 2026 at 10:30");
                    assertThat(fr.html()).contains("<html lang=\"fr\">");
                    if (kind != NotificationKind.CANCELLED) {
                        assertThat(new String(en.ics(), StandardCharsets.UTF_8)).contains("SUMMARY:Appointment Maison de santé");
                        assertThat(new String(fr.ics(), StandardCharsets.UTF_8)).contains("SUMMARY:Rendez-vous Maison de santé");
                    }
                }
            }
        }
        RenderedMessage cancelled = renderer.render(Language.EN, NotificationKind.CANCELLED, DeliveryChannel.SMS, one, null);
        assertThat(cancelled.shortText()).startsWith("Appointment cancelled: Maison").endsWith("To book again: +33140000000.");
    }

    @Test
    void theFrenchDefaultIsUnchangedForCallersWithoutALanguage() {
        List<AppointmentView> one = List.of(view(1, "2026-04-22T08:30:00Z", null));
        assertThat(renderer.render(NotificationKind.REMINDER_2H, DeliveryChannel.PUSH, one, null).shortText())
                .isEqualTo("Rappel, RDV aujourd'hui : Maison de santé des Tilleuls, mer. 22/04 à 10:30, 12 rue des Tilleuls, 75011 Paris.");
        assertThat(renderer.render(Language.EN, NotificationKind.REMINDER_2H, DeliveryChannel.PUSH, one, null).shortText())
                .isEqualTo("Reminder, appointment today: Maison de santé des Tilleuls, Wed 22 Apr at 10:30, 12 rue des Tilleuls, 75011 Paris.");
    }

    @Test
    void severalAppointmentsOnOneDayAreListedInBothLanguages() {
        List<AppointmentView> two = List.of(view(1, "2026-04-22T08:30:00Z", null), view(2, "2026-04-22T13:00:00Z", null));
        assertThat(renderer.render(Language.EN, NotificationKind.REMINDER_WEEK, DeliveryChannel.PUSH, two, null).shortText())
                .startsWith("Appointment reminder: Wed 22 Apr: 10:30 Maison").contains("; 15:00 Maison");
        assertThat(renderer.render(Language.FR, NotificationKind.REMINDER_WEEK, DeliveryChannel.PUSH, two, null).shortText())
                .startsWith("Rappel RDV : mer. 22/04 : 10:30 Maison").contains(" ; 15:00 Maison");
    }

    @Test
    void theEnglishMotiveLabelIsUsedWhenTheMotiveOptsIn() {
        AppointmentView a = view(1, "2026-04-22T08:30:00Z", null);
        AppointmentView labelled = new AppointmentView(a.id(), a.status(), a.startsAt(), a.endsAt(), a.practiceName(),
                a.practicePhone(), a.zone(), a.address(), "Vaccination (adulte)", "Vaccination (adult)");
        assertThat(renderer.render(Language.EN, NotificationKind.REMINDER_2H, DeliveryChannel.PUSH, List.of(labelled), null)
                .shortText()).contains("(Vaccination (adult))");
        assertThat(renderer.render(Language.FR, NotificationKind.REMINDER_2H, DeliveryChannel.PUSH, List.of(labelled), null)
                .shortText()).contains("(Vaccination (adulte))");
    }

    @Test
    void requestAnsweredAndWaitlistMessagesNameThePracticeOnlyInBothLanguages() {
        assertThat(renderer.renderRequestAnswered(Language.EN, "Cabinet Martin").shortText())
                .isEqualTo("Cabinet Martin has replied to your request. Open the app to read the reply.");
        assertThat(renderer.renderRequestAnswered(Language.FR, "Cabinet Martin").shortText())
                .isEqualTo("Cabinet Martin a répondu à votre demande. Ouvrez l'application pour lire la réponse.");
        assertThat(renderer.renderRequestAnswered(Language.EN, "Cabinet Martin").title()).isEqualTo("Your practice has replied");
        assertThat(renderer.renderWaitlistOffer(Language.EN, "Cabinet Martin", LocalDate.parse("2026-12-07"), "09:00").shortText())
                .isEqualTo("A slot has opened up: Cabinet Martin, Mon 7 Dec at 09:00. Book it in the app or call the practice.");
        assertThat(renderer.renderWaitlistOffer(Language.FR, "Cabinet Martin", LocalDate.parse("2026-12-07"), "09:00").shortText())
                .startsWith("Un créneau s'est libéré : Cabinet Martin, lun. 07/12 à 09:00.");
        assertThat(renderer.renderWaitlistGone(Language.EN, "Cabinet Martin", LocalDate.parse("2026-12-07"), "09:00").shortText())
                .isEqualTo("The slot on Mon 7 Dec at 09:00 (Cabinet Martin) has been taken. You stay on the waiting list.");
        assertThat(renderer.renderWaitlistGone(Language.FR, "Cabinet Martin", LocalDate.parse("2026-12-07"), "09:00").shortText())
                .isEqualTo("Le créneau du lun. 07/12 à 09:00 (Cabinet Martin) a été pris. Vous restez sur la liste d'attente.");
        assertThat(renderer.renderWaitlistGone(Language.EN, "Cabinet Martin", LocalDate.parse("2026-12-07"), "09:00").title())
                .isEqualTo("Slot already taken");
    }
}
