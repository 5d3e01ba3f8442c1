package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every operation of /q/openapi: wrong types, missing fields, 100 kB strings, odd Unicode (RTL
 * marks, NUL, emoji, combining marks, lone surrogates), bad dates and ids, malformed JSON, wrong Content-Type and
 * Accept, and missing, garbage or forged tokens. Whatever comes in: no 5xx, no stack trace, and every 4xx is
 * problem+json whose {@code status} is the HTTP status.
 *
 * <p>Seeded, so a failure replays: {@code -Dfuzz.seed} (default {@value #SEED}) and {@code -Dfuzz.count} cases per
 * operation (default {@value #DEFAULT_COUNT}; bench/fuzz/run.sh runs a long campaign). Each operation draws from its
 * own stream (seed mixed with the operation's name), so a new endpoint does not change the cases of the others.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class ApiFuzzTest {
    static final long SEED = 20_261_123L;
    static final int DEFAULT_COUNT = 15;
    static final int TIMEOUT_MS = 10_000;
    static final int STREAM_TIMEOUT_MS = 1_500;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @Inject
    Fixtures fx;

    /** One generated request, described well enough to replay it by hand. */
    record Case(String method, String url, Map<String, String> headers, byte[] body, String note) {
        String describe() {
            String b = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
            b = b.length() > 240 ? b.substring(0, 240) + "...(" + body.length + " bytes)" : b;
            String u = url.length() > 200 ? url.substring(0, 200) + "..." : url;
            Map<String, String> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k, v.length() > 60 ? v.substring(0, 60) + "..." : v));
            return method + " " + u + " " + h + " body=" + escape(b) + " [" + note + "]";
        }
    }

    @Test
    void noInputMakesTheApiFailOrLeak() throws Exception {
        long seed = Long.getLong("fuzz.seed", SEED);
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        World w = new World(fx);
        List<OpenApi.Operation> ops = OpenApi.operations();
        List<String> badTokens = new ArrayList<>(TokenForge.forgedHeaders(w.patient).entrySet().stream()
                .filter(e -> !e.getKey().equals(TokenForge.CONTROL)).map(Map.Entry::getValue).toList());
        badTokens.add("Basic dXNlcjpwYXNzd29yZA==");
        badTokens.add("Bearer " + "a".repeat(3000));
        badTokens.add("Bearer eyJhbGciOiJSUzI1NiJ9.e30.");
        badTokens.add("bearer " + w.patient.token().toUpperCase(Locale.ROOT));

        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        Map<String, String> firstFailure = new TreeMap<>();
        Map<String, Integer> failureCounts = new TreeMap<>();
        Map<String, Long> opMillis = new TreeMap<>();
        long started = System.nanoTime();
        int total = 0;
        for (OpenApi.Operation op : ops) {
            Random random = new Random(seed ^ (op.key().hashCode() * 0x9E3779B97F4A7C15L));
            Junk junk = new Junk(random);
            Map<String, Integer> perOp = outcomes.computeIfAbsent(op.key(), k -> new TreeMap<>());
            long opStarted = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Case c = generate(op, junk, w, badTokens);
                total++;
                Response r;
                try {
                    r = send(c, op.streaming() ? STREAM_TIMEOUT_MS : TIMEOUT_MS);
                } catch (RuntimeException e) {
                    if (cause(e, java.net.SocketTimeoutException.class)) {
                        if (op.streaming()) {
                            perOp.merge("stream held open", 1, Integer::sum);
                        } else {
                            String kind = op.key() + " -> no answer within " + TIMEOUT_MS + " ms";
                            failureCounts.merge(kind, 1, Integer::sum);
                            firstFailure.putIfAbsent(kind, "case " + i + ": " + c.describe());
                        }
                        continue;
                    }
                    // the HTTP client itself refused to send it (e.g. a header it cannot encode): nothing reached the server
                    perOp.merge("not sent", 1, Integer::sum);
                    continue;
                }
                perOp.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
                String problem = Answers.check(r);
                if (problem != null) {
                    String kind = op.key() + " -> " + (r.statusCode() >= 500 ? "5xx" : "bad answer " + r.statusCode());
                    failureCounts.merge(kind, 1, Integer::sum);
                    firstFailure.putIfAbsent(kind, "case " + i + ": " + c.describe() + "\n      answer: " + problem);
                }
            }
            opMillis.put(op.key(), (System.nanoTime() - opStarted) / 1_000_000);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        writeReport(seed, count, total, millis, opMillis, outcomes, failureCounts, firstFailure);

        List<String> failures = new ArrayList<>();
        firstFailure.forEach((kind, example) -> failures.add(kind + " (" + failureCounts.get(kind) + "x), first "
                + example));
        assertThat(failures).as("fuzzing, seed %d, %d cases per operation, %d requests", seed, count, total).isEmpty();
    }

    /**
     * Issue #2: bad input answers 400 naming the field. Every documented query parameter that holds an id, a number
     * or a date gets "abc" (the others well-formed, as the practice admin, who may call all of these): the answer
     * must be 400 problem+json with that parameter in {@code errors[].field}, not a 404 or a silent default.
     */
    @Test
    void aMalformedIdOrDateInTheQueryIs400NamingIt() {
        World w = new World(fx);
        Junk junk = new Junk(new Random(SEED));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (OpenApi.Operation op : OpenApi.operations()) {
            if (op.hasBody()) {
                continue;
            }
            for (OpenApi.Param bad : op.params("query")) {
                if (!typed(bad)) {
                    continue;
                }
                StringBuilder url = new StringBuilder();
                Matcher m = PATH_PARAM.matcher(op.path());
                int last = 0;
                while (m.find()) {
                    url.append(op.path(), last, m.start())
                            .append(plausibleId(previousSegment(op.path(), m.start()), m.group(1), w, junk));
                    last = m.end();
                }
                url.append(op.path().substring(last));
                // first with the other parameters well-formed, then (as their shapes differ per endpoint: dates or
                // instants) with them left out: one of the two must name the malformed one
                Response r = null;
                String u = null;
                boolean named = false;
                for (boolean withOthers : new boolean[]{true, false}) {
                    List<String> query = new ArrayList<>();
                    for (OpenApi.Param p : op.params("query")) {
                        if (p == bad) {
                            query.add(p.name() + "=abc");
                        } else if (withOthers) {
                            query.add(p.name() + "=" + encode(unquote(plausible(p.name(), p.type(), List.of(), w, junk))));
                        }
                    }
                    u = url + "?" + String.join("&", query);
                    r = RestAssured.given().urlEncodingEnabled(false).header("Authorization", w.admin.bearer())
                            .accept("application/json").request(op.method(), u);
                    List<String> fields = r.statusCode() == 400 ? r.jsonPath().getList("errors.field") : List.of();
                    named = r.statusCode() == 400 && fields != null && fields.contains(bad.name());
                    if (named || r.statusCode() != 400) {
                        break;
                    }
                }
                checked++;
                if (!named) {
                    failures.add(op.method() + " " + u + ": expected 400 naming " + bad.name() + ", got "
                            + r.statusCode() + " " + Answers.excerpt(r));
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(failures).as("malformed query parameters (%d checked)", checked).isEmpty();
    }

    /**
     * Found by the campaign (bench/fuzz/RESULTS.md): a NUL character, legal in JSON and in a URL, is refused by
     * PostgreSQL (SQLState 22021) and answered 500. Every text field of every body and every free-text query
     * parameter gets "a\u0000b", the rest of the request well-formed, from a caller the matrix lets through.
     */
    @Test
    void aNulCharacterInAnyTextIsRefusedCleanly() {
        World w = new World(fx);
        Junk junk = new Junk(new Random(SEED));
        Map<String, Matrix.Row> rows = Matrix.rows();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (OpenApi.Operation op : OpenApi.operations()) {
            Matrix.Row row = rows.get(op.key());
            if (row == null || op.streaming()) {
                continue;
            }
            Fixtures.Actor actor = null;
            for (Caller c : new Caller[]{Caller.PATIENT, Caller.PRACTITIONER, Caller.SECRETARY, Caller.PRACTICE_ADMIN}) {
                if (Matrix.matches(row.expected(c, Target.OWN), 200) || Matrix.matches(row.expected(c, Target.OWN), 201)) {
                    actor = w.actor(c);
                    break;
                }
            }
            List<String> targets = new ArrayList<>();
            op.bodyFields().stream().filter(f -> f.type().equals("string") && f.enumValues().isEmpty())
                    .forEach(f -> targets.add("body:" + f.name()));
            op.params("query").stream().filter(p -> !typed(p)).forEach(p -> targets.add("query:" + p.name()));
            for (String t : targets) {
                String name = t.substring(t.indexOf(':') + 1);
                StringBuilder url = new StringBuilder();
                Matcher m = PATH_PARAM.matcher(op.path());
                int last = 0;
                while (m.find()) {
                    url.append(op.path(), last, m.start())
                            .append(plausibleId(previousSegment(op.path(), m.start()), m.group(1), w, junk));
                    last = m.end();
                }
                url.append(op.path().substring(last));
                List<String> query = new ArrayList<>();
                for (OpenApi.Param p : op.params("query")) {
                    String v = t.equals("query:" + p.name()) ? "a\u0000b"
                            : unquote(plausible(p.name(), p.type(), List.of(), w, junk));
                    query.add(p.name() + "=" + encode(v));
                }
                String u = url + (query.isEmpty() ? "" : "?" + String.join("&", query));
                RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false).accept("application/json");
                if (actor != null) {
                    spec.header("Authorization", actor.bearer());
                }
                if (op.hasBody()) {
                    StringBuilder b = new StringBuilder("{");
                    for (OpenApi.Field f : op.bodyFields()) {
                        b.append(b.length() > 1 ? "," : "").append(Junk.quote(f.name())).append(':')
                                .append(t.equals("body:" + f.name()) ? "\"a\\u0000b\""
                                        : plausible(f.name(), f.type(), f.enumValues(), w, junk));
                    }
                    spec.contentType("application/json").body(b.append('}').toString());
                }
                Response r = spec.request(op.method(), u);
                checked++;
                String problem = Answers.check(r);
                if (problem != null) {
                    failures.add(op.key() + " with NUL in " + t + ": " + problem);
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(failures).as("NUL characters (%d checked)", checked).isEmpty();
    }

    /** A parameter whose value has a shape: an id, a number, a date. Free text (q, phone, scope) has none. */
    private static boolean typed(OpenApi.Param p) {
        String n = p.name().toLowerCase(Locale.ROOT);
        return p.type().equals("integer") || p.type().equals("number") || n.endsWith("id")
                || n.equals("from") || n.equals("to") || n.equals("date") || n.endsWith("date");
    }

    // ---------------------------------------------------------------- generation

    private Case generate(OpenApi.Operation op, Junk junk, World w, List<String> badTokens) {
        List<String> notes = new ArrayList<>();
        String method = op.method();
        if (junk.chance(0.03)) {
            method = junk.pick(OTHER_METHODS);
            notes.add("method");
        }

        // path parameters: mostly real ids of the callers' practice, else junk
        StringBuilder path = new StringBuilder();
        Matcher m = PATH_PARAM.matcher(op.path());
        int last = 0;
        while (m.find()) {
            path.append(op.path(), last, m.start());
            String segmentBefore = previousSegment(op.path(), m.start());
            String value;
            if (junk.chance(0.6)) {
                value = Long.toString(plausibleId(segmentBefore, m.group(1), w, junk));
            } else {
                value = junk.urlValue();
                notes.add("path " + m.group(1));
            }
            path.append(encode(value));
            last = m.end();
        }
        path.append(op.path().substring(last));

        // query parameters
        List<String> query = new ArrayList<>();
        for (OpenApi.Param p : op.params("query")) {
            int roll = junk.chance(0.4) ? 0 : junk.chance(0.5) ? 1 : 2;
            if (roll == 1) {
                query.add(p.name() + "=" + encode(unquote(plausible(p.name(), p.type(), List.of(), w, junk))));
            } else if (roll == 2) {
                query.add(p.name() + "=" + encode(junk.urlValue()));
                notes.add("query " + p.name());
            }
        }
        if (junk.chance(0.1)) {
            query.add(encode(junk.pick(Junk.ODD_TEXT)) + "=" + encode(junk.urlValue()));
            notes.add("extra query");
        }
        String url = path + (query.isEmpty() ? "" : "?" + String.join("&", query));

        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApi.Param p : op.params("header")) {
            if (junk.chance(0.5)) {
                headers.put(p.name(), headerValue(junk));
                notes.add("header " + p.name());
            }
        }
        // who calls
        int who = junk.nextInt(100);
        if (who < 62) {
            Caller caller = junk.pick(List.of(Caller.PATIENT, Caller.PRACTITIONER, Caller.SECRETARY, Caller.PRACTICE_ADMIN));
            headers.put("Authorization", w.actor(caller).bearer());
            notes.add(caller.name());
        } else if (who < 75) {
            notes.add("anonymous");
        } else {
            headers.put("Authorization", junk.pick(badTokens));
            notes.add("bad token");
        }
        if (junk.chance(0.12)) {
            headers.put("Accept", junk.pick(Junk.ACCEPTS));
            notes.add("accept");
        } else {
            headers.put("Accept", "application/json");
        }

        byte[] body = null;
        if (op.hasBody()) {
            String json = body(op, junk, w, notes);
            body = json.getBytes(StandardCharsets.UTF_8);
            if (junk.chance(0.12)) {
                headers.put("Content-Type", junk.pick(Junk.CONTENT_TYPES));
                notes.add("content-type");
            } else if (!junk.chance(0.03)) {
                headers.put("Content-Type", "application/json");
            } else {
                notes.add("no content-type");
            }
        } else if (junk.chance(0.08)) {
            body = junk.jsonValue().getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
            notes.add("unexpected body");
        }
        return new Case(method, url, headers, body, String.join(", ", notes));
    }

    /** A JSON body: a plausible object with hostile fields, or something that is not that object at all. */
    private String body(OpenApi.Operation op, Junk junk, World w, List<String> notes) {
        int mode = junk.nextInt(100);
        if (mode < 10) {
            notes.add("malformed json");
            return junk.pick(Junk.MALFORMED);
        }
        if (mode < 16) {
            notes.add("wrong top-level type");
            return junk.pick(List.of("[]", "42", "\"text\"", "true", "null", "", "[{}]", "1e309"));
        }
        if (mode < 19) {
            notes.add("deep nesting");
            int depth = 2000 + junk.nextInt(20000);
            return "[".repeat(depth) + "]".repeat(depth);
        }
        if (mode < 22) {
            notes.add("empty object");
            return "{}";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (OpenApi.Field f : op.bodyFields()) {
            fields.put(f.name(), plausible(f.name(), f.type(), f.enumValues(), w, junk));
        }
        if (fields.isEmpty()) {
            fields.put("value", junk.jsonValue());
        }
        List<String> names = new ArrayList<>(fields.keySet());
        int mutations = 1 + junk.nextInt(Math.min(3, names.size()));
        for (int i = 0; i < mutations; i++) {
            String name = names.get(junk.nextInt(names.size()));
            int how = junk.nextInt(10);
            if (how < 2) {
                fields.remove(name);
                notes.add("missing " + name);
            } else {
                fields.put(name, junk.jsonValue());
                notes.add("hostile " + name);
            }
        }
        if (junk.chance(0.1)) {
            fields.put(junk.pick(List.of("id", "role", "practiceId", "status", "__proto__", "@class", "")),
                    junk.jsonValue());
            notes.add("extra field");
        }
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(Junk.quote(k)).append(':').append(v);
        });
        String json = b.append('}').toString();
        if (op.bodyIsArray()) {
            json = "[" + json + "]";
        }
        return json;
    }

    /** A value that would pass, for a field or parameter name the API uses. Raw JSON. */
    private static String plausible(String name, String type, List<String> enumValues, World w, Junk junk) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!enumValues.isEmpty()) {
            return Junk.quote(junk.pick(enumValues));
        }
        switch (n) {
            case "practitionerid": return Long.toString(junk.chance(0.8) ? w.a.practitionerId() : w.b.practitionerId());
            case "motiveid": return Long.toString(w.a.motiveId());
            case "patientid", "holderid": return Long.toString(junk.chance(0.8) ? w.a.patientId() : w.otherPatientOfA);
            case "siteid": return Long.toString(w.a.siteId());
            case "practiceid": return Long.toString(w.a.practiceId());
            case "motiveids": return "[" + w.a.motiveId() + "]";
            case "dayofweek": return Integer.toString(1 + junk.nextInt(7));
            case "releaseminutesbefore": return Integer.toString(junk.nextInt(240));
            case "start", "end":
                if (type.equals("string") && junk.chance(0.3)) {
                    return Junk.quote(junk.chance(0.5) ? "09:00" : "10:30");
                }
                return Junk.quote(Ctx.slot());
            case "startsat", "endsat": return Junk.quote(Ctx.slot());
            case "birthdate": return Junk.quote("1990-05-17");
            case "date", "from", "to", "on", "day":
                return Junk.quote(LocalDate.now(World.PARIS).plusDays(3 + junk.nextInt(20)).toString());
            case "email": return Junk.quote(Fixtures.unique("fuzz") + "@example.org");
            case "password": return Junk.quote(Fixtures.PASSWORD);
            case "phone": return Junk.quote("+33612345678");
            case "pushkey": return Junk.quote("cn1-fcm-" + Fixtures.unique("k"));
            case "scope": return Junk.quote(junk.chance(0.5) ? "upcoming" : "past");
            case "q": return Junk.quote("Durand");
            default: break;
        }
        return switch (type) {
            case "integer", "number" -> Integer.toString(junk.nextInt(100));
            case "boolean" -> junk.chance(0.5) ? "true" : "false";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> Junk.quote("Texte " + junk.nextInt(1000));
        };
    }

    private static long plausibleId(String segmentBefore, String param, World w, Junk junk) {
        return switch (segmentBefore) {
            case "appointments" -> junk.chance(0.7) ? w.appointment(w.a, w.a.practitionerId(), w.a.patientId())
                    : w.appointment(w.b, w.b.practitionerId(), w.b.patientId());
            case "practices" -> junk.chance(0.8) ? w.a.practiceId() : w.b.practiceId();
            case "practitioners" -> junk.chance(0.8) ? w.a.practitionerId() : w.b.practitionerId();
            case "motives" -> w.fx.motive(w.a.practiceId(), 15, true, false);
            case "patients" -> w.a.patientId();
            case "sites" -> w.a.siteId();
            case "opening-ranges" -> w.fx.weeklyRange(w.a.practitionerId(), w.a.siteId(), 6, "07:00", "08:00",
                    junk.chance(0.5), 120, w.a.motiveId());
            case "absences" -> {
                java.time.Instant start = Ctx.sundayEvening();
                yield w.fx.absence(w.a.practitionerId(), start, start.plusSeconds(3600), "Formation");
            }
            default -> junk.pick(List.of(w.a.practiceId(), w.a.practitionerId(), w.a.motiveId(), w.a.patientId(),
                    w.a.siteId(), 1L));
        };
    }

    private static String headerValue(Junk junk) {
        return switch (junk.nextInt(5)) {
            case 0 -> Fixtures.unique("key");
            case 1 -> "k".repeat(500 + junk.nextInt(2500));
            case 2 -> "caf\u00e9 cr\u00e8me \u00ff";
            case 3 -> junk.pick(Junk.BAD_IDS);
            default -> "";
        };
    }

    private static String previousSegment(String path, int end) {
        String before = path.substring(0, end);
        if (before.endsWith("/")) {
            before = before.substring(0, before.length() - 1);
        }
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private static String unquote(String json) {
        if (json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")) {
            return json.substring(1, json.length() - 1);
        }
        return json;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x200E && cp <= 0x202E) || cp == 0xFEFF) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    // ---------------------------------------------------------------- sending and reporting

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Response send(Case c, int timeoutMs) {
        // A read timeout: a server-sent-events stream never ends, and nothing else may take that long
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false))
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", timeoutMs)
                                .setParam("http.connection.timeout", TIMEOUT_MS)));
        c.headers().forEach(spec::header);
        if (c.body() != null) {
            spec.body(c.body());
        }
        return spec.request(c.method(), c.url());
    }

    private static void writeReport(long seed, int count, int total, long millis, Map<String, Long> opMillis,
                                    Map<String, Map<String, Integer>> outcomes, Map<String, Integer> failureCounts,
                                    Map<String, String> firstFailure) throws Exception {
        StringBuilder r = new StringBuilder();
        r.append("Seed ").append(seed).append(", ").append(count).append(" cases per operation, ").append(total)
                .append(" requests in ").append(millis / 1000.0).append(" s.\n\n");
        r.append("| operation | requests | time (s) | answers (status: count) |\n|---|---|---|---|\n");
        outcomes.forEach((op, perStatus) -> {
            int n = perStatus.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder s = new StringBuilder();
            perStatus.forEach((status, k) -> s.append(s.length() == 0 ? "" : ", ").append(status).append(": ").append(k));
            r.append("| ").append(op).append(" | ").append(n).append(" | ").append(opMillis.getOrDefault(op, 0L) / 1000.0)
                    .append(" | ").append(s).append(" |\n");
        });
        r.append("\nRule breaks (5xx, stack trace, or a 4xx that is not problem+json with the same status): ");
        if (failureCounts.isEmpty()) {
            r.append("none.\n");
        } else {
            r.append(failureCounts.values().stream().mapToInt(Integer::intValue).sum()).append("\n\n");
            firstFailure.forEach((kind, example) -> r.append("- ").append(kind).append(" (")
                    .append(failureCounts.get(kind)).append("x), first ").append(example.replace("\n", " ")).append('\n'));
        }
        Path out = Path.of(System.getProperty("fuzz.report", "target/fuzz-report.md"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, r.toString());
    }
}
