package fr.creneau.backend.platform;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.hibernate.orm.runtime.JPAConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings (whose reads are native queries) reuse the plans of their statements: the plan cache grows by the
 * number of distinct statements, not by one plan per execution as it did with Hibernate Reactive's own mapping.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class NativeQueryPlanReuseTest {
    static final int BOOKINGS = 24;

    @Inject
    Fixtures fx;

    @Inject
    JPAConfig jpa;

    @Test
    void repeatedBookingsAddNoPlanPerExecution() {
        BookingWorld w = new BookingWorld(fx);
        long patient = w.phoneCaller();
        QueryInterpretationCache cache = jpa.getEntityManagerFactories().get(0).getItem2()
                .unwrap(SessionFactoryImpl.class).getQueryEngine().getInterpretationCache();
        // a full cache (earlier tests) would evict one plan per plan added and hide the growth
        cache.close();
        int before = cache.getNumberOfCachedQueryPlans();

        Set<Long> booked = new HashSet<>();
        for (int i = 0; i < BOOKINGS; i++) {
            String time = String.format("%02d:%02d", 9 + (i % 8) / 4, (i % 4) * 15);
            Number id = given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                    .body(w.booking(patient, w.at(i / 8, time)))
                    .post("/api/appointments").then().statusCode(201).extract().path("id");
            booked.add(id.longValue());
        }

        assertThat(booked).hasSize(BOOKINGS);
        // each booking runs several native selects (head, slot rules, notification facts): one plan per
        // execution would add 3 per booking (72); reused plans add the distinct statements only
        assertThat(cache.getNumberOfCachedQueryPlans() - before).isLessThan(BOOKINGS);
    }
}
