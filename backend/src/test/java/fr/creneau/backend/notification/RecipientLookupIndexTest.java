package fr.creneau.backend.notification;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notification planned looks up the recipient's account by patient. That lookup must be served by an index,
 * not by reading the whole account table (which it did, at 2.3 ms a booking with 17,500 accounts and growing with
 * every sign-up): checked on the plans of the statements themselves.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class RecipientLookupIndexTest {
    @Inject
    Fixtures fx;

    @Test
    void theAppointmentFactsFindTheAccountThroughAnIndex() {
        String plan = fx.planWithoutSeqScan(AppointmentNotifications.FACTS.replace(":patient", "1").replace(":practice", "1"));
        assertThat(plan).contains("account_patient_idx").doesNotContain("Seq Scan on account");
    }

    @Test
    void aReplysRecipientIsFoundThroughAnIndex() {
        String plan = fx.planWithoutSeqScan(RequestNotifications.RECIPIENT.replaceAll(":[a-z]+", "1"));
        assertThat(plan).contains("account_patient_idx").doesNotContain("Seq Scan on account");
    }
}
