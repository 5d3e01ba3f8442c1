package fr.creneau.backend.waitlist;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An offer's recipient account is found by patient through an index (see RecipientLookupIndexTest). */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class OfferRecipientIndexTest {
    @Inject
    Fixtures fx;

    @Test
    void anOffersRecipientIsFoundThroughAnIndex() {
        String plan = fx.planWithoutSeqScan(WaitlistService.RECIPIENT.replaceAll(":[a-z]+", "1"));
        assertThat(plan).contains("account_patient_idx").doesNotContain("Seq Scan on account");
    }
}
