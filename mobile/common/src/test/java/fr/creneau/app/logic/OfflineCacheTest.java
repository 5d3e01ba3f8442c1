package fr.creneau.app.logic;

import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineCacheTest {
    static class MapStore implements KeyValueStore {
        final Map<String, String> m = new HashMap<>();

        public String read(String key) {
            return m.get(key);
        }

        public void write(String key, String value) {
            m.put(key, value);
        }

        public void delete(String key) {
            m.remove(key);
        }
    }

    private static AppointmentDto appt(long id) {
        AppointmentDto a = new AppointmentDto();
        a.id = id;
        a.practiceId = 1L;
        a.practitionerId = 2L;
        a.patientId = 3L;
        a.start = "2026-03-30T07:30:00Z";
        a.end = "2026-03-30T07:45:00Z";
        a.status = AppointmentStatus.CONFIRMED;
        a.channel = Channel.ONLINE;
        a.practitionerName = "Dr Marie Martin";
        a.patientName = "Léo Durand";
        a.motiveLabelFr = "Consultation de suivi";
        a.timezone = "Europe/Paris";
        return a;
    }

    @Test
    void keepsAppointmentsAndWhenTheyWereLoaded() {
        MapStore store = new MapStore();
        OfflineCache cache = new OfflineCache(store);
        List<AppointmentDto> items = new ArrayList<>();
        items.add(appt(10));
        items.add(appt(11));
        long when = Instants.parse("2026-03-29T18:04:00Z");
        cache.save(OfflineCache.key(7L, "upcoming"), items, when);

        OfflineCache.Entry e = new OfflineCache(store).load(OfflineCache.key(7L, "upcoming"));
        assertNotNull(e);
        assertEquals(when, e.savedAtMillis);
        assertEquals(2, e.items.size());
        AppointmentDto a = e.items.get(0);
        assertEquals(10L, a.id);
        assertEquals(AppointmentStatus.CONFIRMED, a.status);
        assertEquals(Channel.ONLINE, a.channel);
        assertEquals("Léo Durand", a.patientName);
        assertEquals("2026-03-30T07:30:00Z", a.start);
        assertEquals("Europe/Paris", a.timezone);
    }

    @Test
    void entriesArePerAccount() {
        MapStore store = new MapStore();
        OfflineCache cache = new OfflineCache(store);
        List<AppointmentDto> items = new ArrayList<>();
        items.add(appt(1));
        cache.save(OfflineCache.key(1L, "upcoming"), items, 0);
        assertNull(cache.load(OfflineCache.key(2L, "upcoming")));
    }

    @Test
    void clearForgetsEverythingAtLogout() {
        MapStore store = new MapStore();
        OfflineCache cache = new OfflineCache(store);
        List<AppointmentDto> items = new ArrayList<>();
        items.add(appt(1));
        cache.save(OfflineCache.key(1L, "upcoming"), items, 0);
        cache.save(OfflineCache.key(1L, "agenda-2"), items, 0);
        cache.save(OfflineCache.key(1L, "agenda-2"), items, 5);
        cache.clear();
        assertTrue(store.m.isEmpty(), store.m.toString());
    }

    @Test
    void aDamagedEntryIsDroppedNotShown() {
        MapStore store = new MapStore();
        store.write("k", "{not json");
        assertNull(new OfflineCache(store).load("k"));
        assertNull(store.read("k"));
    }

    @Test
    void anEmptyListIsKept() {
        MapStore store = new MapStore();
        OfflineCache cache = new OfflineCache(store);
        cache.save("k", new ArrayList<>(), 1000);
        OfflineCache.Entry e = cache.load("k");
        assertEquals(0, e.items.size());
        assertEquals(1000, e.savedAtMillis);
    }
}
