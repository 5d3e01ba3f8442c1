package fr.creneau.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where the app finds its backend: the creneau.api property first, then the bundled /creneau.properties. */
class ConfigTest {
    private static String read(String text) throws Exception {
        return Config.readApi(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void thePropertyComesFirstThenTheBundledFileThenTheDefault() {
        assertEquals("http://127.0.0.1:18181", Config.choose("http://127.0.0.1:18181", "https://api.creneau.fr"));
        assertEquals("https://api.creneau.fr", Config.choose(null, "https://api.creneau.fr/"));
        assertEquals("https://api.creneau.fr", Config.choose("  ", "https://api.creneau.fr"));
        assertEquals(Config.DEFAULT_API, Config.choose(null, null));
        assertEquals(Config.DEFAULT_API, Config.choose("", " "));
    }

    @Test
    void theBundledFileNamesTheApiUnderTheKeyApi() throws Exception {
        assertEquals("https://api.example.org", read("# the backend of this build\napi = https://api.example.org\n"));
        assertNull(read("# api=https://commented.out\n"));
        assertNull(read("api=\n"));
    }
}
