package fr.creneau.app.logic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where the app finds its backend: the creneau.api property first, then the bundled /creneau.properties. */
class ApiUrlTest {
    private static String read(String text) throws Exception {
        return ApiUrl.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void thePropertyComesFirstThenTheBundledFileThenTheDefault() {
        assertEquals("http://127.0.0.1:18181", ApiUrl.choose("http://127.0.0.1:18181", "https://api.creneau.fr"));
        assertEquals("https://api.creneau.fr", ApiUrl.choose(null, "https://api.creneau.fr/"));
        assertEquals("https://api.creneau.fr", ApiUrl.choose("  ", "https://api.creneau.fr"));
        assertEquals(ApiUrl.DEFAULT, ApiUrl.choose(null, null));
        assertEquals(ApiUrl.DEFAULT, ApiUrl.choose("", " "));
    }

    @Test
    void theBundledFileNamesTheApiUnderTheKeyApi() throws Exception {
        assertEquals("https://api.example.org", read("# the backend of this build\napi = https://api.example.org\n"));
        assertNull(read("# api=https://commented.out\n"));
        assertNull(read("api=\n"));
    }
}
