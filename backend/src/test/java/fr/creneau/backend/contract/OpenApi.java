package fr.creneau.backend.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/**
 * The operations the running backend documents at /q/openapi. The contract tests walk this list rather than a
 * list of their own, so an endpoint that lands later is covered (or flagged as unreviewed) without anyone
 * remembering to add it.
 */
final class OpenApi {
    /** Probes that tests of other packages add under src/test: they are in the document, but not the API. */
    static final String TEST_ONLY = "/test-only/";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A documented parameter: where it goes (path, query, header) and its schema type, when one is given. */
    record Param(String name, String in, boolean required, String type, String format) {
    }

    /** A property of a JSON request body, with its schema type ("string", "integer", "array", ...). */
    record Field(String name, String type, String format, List<String> enumValues) {
    }

    record Operation(String method, String path, List<Param> params, boolean hasBody, List<Field> bodyFields,
                     boolean bodyIsArray, boolean streaming) {
        /** "POST /api/appointments/{id}/status": the key of the matrix table. */
        String key() {
            return method + " " + path;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in.equals(in)).toList();
        }
    }

    private OpenApi() {
    }

    static JsonNode fetch() {
        String json = given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            // kept beside the reports, to read what the contract tests walked
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "contract-openapi.json"), json);
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("/q/openapi?format=json is not JSON", e);
        }
    }

    static List<Operation> operations() {
        return operations(fetch());
    }

    static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith(TEST_ONLY)) {
                continue;
            }
            List<Param> shared = params(doc, path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                JsonNode op = m.getValue();
                Map<String, Param> params = new LinkedHashMap<>();
                shared.forEach(p -> params.put(p.in + ":" + p.name, p));
                params(doc, op.path("parameters")).forEach(p -> params.put(p.in + ":" + p.name, p));
                JsonNode body = op.path("requestBody");
                List<Field> fields = new ArrayList<>();
                boolean array = false;
                if (!body.isMissingNode()) {
                    JsonNode schema = firstContentSchema(body.path("content"));
                    schema = resolve(doc, schema);
                    if ("array".equals(schema.path("type").asText())) {
                        array = true;
                        schema = resolve(doc, schema.path("items"));
                    }
                    Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                    while (props.hasNext()) {
                        Map.Entry<String, JsonNode> prop = props.next();
                        JsonNode ps = resolve(doc, prop.getValue());
                        List<String> enums = new ArrayList<>();
                        ps.path("enum").forEach(e -> enums.add(e.asText()));
                        fields.add(new Field(prop.getKey(), ps.path("type").asText(""), ps.path("format").asText(""), enums));
                    }
                }
                // Server-sent events: a 2xx answer never ends, so callers must not wait for its body
                boolean streaming = op.path("responses").toString().contains("text/event-stream");
                ops.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params.values()),
                        !body.isMissingNode(), fields, array, streaming));
            }
        }
        return ops;
    }

    static Set<String> keys(List<Operation> ops) {
        Set<String> keys = new TreeSet<>();
        ops.forEach(o -> keys.add(o.key()));
        return keys;
    }

    private static List<Param> params(JsonNode doc, JsonNode list) {
        List<Param> out = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode r = resolve(doc, p);
            JsonNode schema = resolve(doc, r.path("schema"));
            out.add(new Param(r.path("name").asText(), r.path("in").asText(), r.path("required").asBoolean(false),
                    schema.path("type").asText(""), schema.path("format").asText("")));
        }
        return out;
    }

    private static JsonNode firstContentSchema(JsonNode content) {
        Iterator<JsonNode> types = content.elements();
        return types.hasNext() ? types.next().path("schema") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Follows a local "$ref" (#/components/...), and the first branch of an allOf. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        for (int depth = 0; depth < 10 && node != null; depth++) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    return node;
                }
                JsonNode target = doc;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part);
                }
                node = target;
            } else if (node.has("allOf") && node.get("allOf").size() == 1) {
                node = node.get("allOf").get(0);
            } else {
                return node;
            }
        }
        return node;
    }
}
