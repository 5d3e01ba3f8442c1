package fr.creneau.backend.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query rows, whose Java type depends on the driver and the column type. */
public final class SqlValues {
    private SqlValues() {
    }

    /** A timestamptz column (timestamps without a zone are stored in UTC here). */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
