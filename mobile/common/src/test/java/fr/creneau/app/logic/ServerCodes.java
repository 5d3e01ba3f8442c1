package fr.creneau.app.logic;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The problem codes and field names the server can answer, read from the sources of this repository (the app's tests
 * run in mobile/common, two levels under the root): shared-model's validators, which the backend runs as well, and
 * the backend's own refusals ({@code ProblemException} factories and constructors, {@code Problems.response}, the
 * booking refusals' enum, the status mapper's {@code case} codes, {@code new FieldError}, {@code Params.*} names).
 * Reading the sources rather than keeping a list means a new code fails the bundle test until it is translated.
 */
final class ServerCodes {
    private static final String CODE = "\"([a-z][a-z0-9_]*)\"";
    /** A first argument: no comma, no call but an empty one ({@code e.getField()}; {@code Json.str(m,} is none). */
    private static final String ARG = "((?:[^,;()]|\\(\\))+?)";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** {@code error(field, "code"} (Validator) and {@code new FieldError(field, "code"}: field and code. */
    private static final Pattern FIELD_ERROR =
            Pattern.compile("\\b(?:error|new FieldError)\\(\\s*" + ARG + ",\\s*" + CODE);
    /** {@code v.required("field", ...)} and the other Validator rules, or a helper given {@code (v, "field"}. */
    private static final Pattern RULE = Pattern.compile(
            "(?:\\b\\w+\\.(?:required|maxLength|name|email|phone|password|date|instant|time|positive|range)"
                    + "\\(|\\(\\s*v\\s*,)\\s*\"([A-Za-z]\\w*)\"");
    private static final Pattern INVALID = Pattern.compile("\\binvalid\\(\\s*" + ARG + ",\\s*" + CODE);
    private static final Pattern[] BACKEND_CODES = {
            Pattern.compile("\\b(?:conflict|unprocessable)\\(\\s*" + CODE),
            Pattern.compile("\\b(?:new ProblemException|Problems\\.response|super)\\(\\s*\\d+\\s*,\\s*" + CODE),
            // the booking refusals: IN_PAST("in_past", "This time has passed")
            Pattern.compile("\\b[A-Z][A-Z_]+\\(\\s*" + CODE + "\\s*,\\s*\""),
            Pattern.compile("\\b[A-Z_]*CODE\\s*=\\s*" + CODE),
            Pattern.compile("\\bcase \\d+ -> " + CODE),
    };
    /** Query and path parameters checked by name: Params.date("from", ...), a local instant("start", ...). */
    private static final Pattern PARAM = Pattern.compile(
            "\\b(?:Params\\.\\w+|instant|date|time|birthDate)\\(\\s*\"([A-Za-z]\\w*)\"\\s*,");

    final Set<String> codes = new TreeSet<>();
    final Set<String> fields = new TreeSet<>();

    private ServerCodes() {
    }

    /** The codes and fields of shared-model's validators only. */
    static ServerCodes sharedModel() throws IOException {
        ServerCodes c = new ServerCodes();
        for (String text : sources("shared-model")) {
            c.readValidators(text);
        }
        return c;
    }

    /** The codes and fields of the backend (which also runs shared-model's validators: see {@link #sharedModel}). */
    static ServerCodes backend() throws IOException {
        ServerCodes c = new ServerCodes();
        for (String text : sources("backend")) {
            c.readValidators(text);
            Matcher m = INVALID.matcher(text);
            while (m.find()) {
                c.fields.addAll(fieldNames(m.group(1)));
                c.codes.add(m.group(2));
            }
            for (Pattern p : BACKEND_CODES) {
                m = p.matcher(text);
                while (m.find()) {
                    c.codes.add(m.group(1));
                }
            }
            m = PARAM.matcher(text);
            while (m.find()) {
                c.fields.add(m.group(1));
            }
        }
        return c;
    }

    private void readValidators(String text) {
        Matcher m = FIELD_ERROR.matcher(text);
        while (m.find()) {
            fields.addAll(fieldNames(m.group(1)));
            codes.add(m.group(2));
        }
        m = RULE.matcher(text);
        while (m.find()) {
            fields.add(m.group(1));
        }
    }

    /**
     * The field names in an argument: its string literals, each by its last part ({@code "answers." + e.field}
     * names none, {@code "decisions[" + i + "].action"} names {@code action}), as ErrorText shows them.
     */
    private static List<String> fieldNames(String argument) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(argument);
        while (m.find()) {
            String s = m.group(1);
            s = s.substring(s.lastIndexOf('.') + 1);
            if (s.matches("[A-Za-z]\\w*")) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> sources(String module) throws IOException {
        Path dir = root().resolve(module).resolve("src/main/java");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no sources under " + dir);
        }
        return out;
    }

    /** The repository's root: the first folder up from the working directory that holds shared-model and backend. */
    private static Path root() {
        for (File d = new File("").getAbsoluteFile(); d != null; d = d.getParentFile()) {
            if (new File(d, "shared-model/src/main/java").isDirectory()
                    && new File(d, "backend/src/main/java").isDirectory()) {
                return d.toPath();
            }
        }
        throw new IllegalStateException("shared-model and backend sources not found above "
                + new File("").getAbsolutePath());
    }
}
