package fr.creneau.backend.platform;

import io.quarkus.hibernate.orm.runtime.JPAConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
import org.hibernate.reactive.provider.service.ReactiveValuesMappingProducerProvider;
import org.hibernate.reactive.sql.results.ReactiveResultSetMapping;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;

/**
 * Lets Hibernate reuse the plan of a native query instead of making and caching a new one per execution.
 *
 * <p>Hibernate Reactive 3.2.5 (the version Quarkus 3.34.1 brings) wraps each native query's result-set mapping in a
 * {@link ReactiveResultSetMapping} that has no {@code equals}: the plan cache's key of one execution never matches
 * the next one's, so every execution builds a plan and adds it to the cache. The cache fills with copies of the same
 * few statements, all of the same hash, and every lookup walks them (11.8 % of the backend's CPU when booking, see
 * bench/RESULTS.md, session 7); the copies also evict the HQL plans. The mapping below compares by the mapping it
 * wraps, as Hibernate ORM's own does. It is put in place of Hibernate Reactive's provider once the session factory
 * is built; if a later Hibernate no longer has the field, nothing changes but a warning, and
 * {@code NativeQueryPlanReuseTest} fails, which says to check whether the upgrade fixed it.
 */
@ApplicationScoped
public class NativeQueryPlanReuse {

    private static final Logger LOG = Logger.getLogger(NativeQueryPlanReuse.class);

    void onStart(@Observes StartupEvent event, JPAConfig jpa) {
        for (Tuple2<String, EntityManagerFactory> unit : jpa.getEntityManagerFactories()) {
            install(unit.getItem2().unwrap(SessionFactoryImpl.class));
        }
    }

    static void install(SessionFactoryImpl factory) {
        try {
            Field field = SessionFactoryImpl.class.getDeclaredField("jdbcValuesMappingProducerProvider");
            field.setAccessible(true);
            Object current = field.get(factory);
            if (current instanceof ComparableMappingProvider) {
                return;
            }
            if (current == null || current.getClass() != ReactiveValuesMappingProducerProvider.class) {
                LOG.warnf("Native query plans: unexpected mapping provider %s, left as it is", current);
                return;
            }
            field.set(factory, new ComparableMappingProvider());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Native query plans: Hibernate's mapping provider could not be replaced; "
                    + "each native query execution will build its own plan", e);
        }
    }

    static final class ComparableMappingProvider extends ReactiveValuesMappingProducerProvider {
        @Override
        public ResultSetMapping buildResultSetMapping(String name, boolean isDynamic,
                                                      SessionFactoryImplementor factory) {
            return new ComparableMapping(new ResultSetMappingImpl(name, isDynamic));
        }
    }

    /** Hibernate Reactive's mapping, equal to another when the ORM mappings they wrap are. */
    static final class ComparableMapping extends ReactiveResultSetMapping {
        private final ResultSetMapping delegate;

        ComparableMapping(ResultSetMapping delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public ResultSetMapping cacheKeyInstance() {
            return new ComparableMapping(delegate.cacheKeyInstance());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ComparableMapping mapping && delegate.equals(mapping.delegate);
        }

        @Override
        public int hashCode() {
            return delegate.hashCode();
        }
    }
}
