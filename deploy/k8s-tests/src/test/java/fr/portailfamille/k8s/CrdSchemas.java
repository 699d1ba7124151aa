package fr.portailfamille.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' CustomResourceDefinitions pinned under src/test/resources/crds, and a custom resource
 * checked against the {@code openAPIV3Schema} of its kind and version, with the unknown fields refused
 * like the API server's strict field validation does: every object schema that lists {@code properties}
 * and neither allows {@code additionalProperties} nor says {@code x-kubernetes-preserve-unknown-fields} is
 * closed before validating.
 */
public final class CrdSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static CrdSchemas loaded;

    /** group/version/kind → the closed schema. */
    private final Map<String, Schema> schemas;
    private final List<String> files;

    private CrdSchemas(Map<String, Schema> schemas, List<String> files) {
        this.schemas = schemas;
        this.files = files;
    }

    public static Path directory() {
        return Manifests.repositoryRoot().resolve("deploy/k8s-tests/src/test/resources/crds");
    }

    public static synchronized CrdSchemas load() {
        if (loaded == null) {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            List<String> files = new ArrayList<>();
            if (Files.isDirectory(directory())) {
                try (Stream<Path> paths = Files.walk(directory())) {
                    for (Path file : paths.filter(path -> path.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                        files.add(directory().relativize(file).toString());
                        for (JsonNode document : Manifests.parse(Files.readString(file))) {
                            if (Manifests.kind(document).equals("CustomResourceDefinition")) {
                                add(document, schemas);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            loaded = new CrdSchemas(schemas, files);
        }
        return loaded;
    }

    private static void add(JsonNode crd, Map<String, Schema> schemas) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asString();
        String kind = spec.path("names").path("kind").asString();
        for (JsonNode version : spec.path("versions")) {
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            if (version.path("served").asBoolean(false) && openApi.isObject()) {
                ObjectNode closed = (ObjectNode) openApi.deepCopy();
                // The API server accepts these on every object of the kind, whether the schema lists them or not.
                ObjectNode properties = closed.has("properties") ? (ObjectNode) closed.get("properties") : closed.putObject("properties");
                for (String implicit : List.of("apiVersion", "kind", "metadata")) {
                    if (!properties.has(implicit)) {
                        properties.putObject(implicit);
                    }
                }
                close(closed);
                schemas.put(key(group, version.path("name").asString(), kind), REGISTRY.getSchema(closed));
            }
        }
    }

    /** Adds {@code additionalProperties: false} where the API server would prune or refuse unknown fields. */
    static void close(ObjectNode schema) {
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserves) {
            if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
                ObjectNode properties = (ObjectNode) schema.get("properties");
                for (String implicit : List.of("apiVersion", "kind", "metadata")) {
                    if (!properties.has(implicit)) {
                        properties.set(implicit, JsonNodeFactory.instance.objectNode());
                    }
                }
            }
            schema.put("additionalProperties", false);
        }
        for (JsonNode property : schema.path("properties")) {
            if (property instanceof ObjectNode child) {
                close(child);
            }
        }
        if (schema.get("items") instanceof ObjectNode items) {
            close(items);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            close(values);
        }
    }

    static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }

    public boolean isEmpty() {
        return schemas.isEmpty();
    }

    public List<String> files() {
        return files;
    }

    /** The problems of {@code resource}: no pinned CRD for its kind and version, or its schema's errors. */
    public List<String> validate(JsonNode resource) {
        String apiVersion = Manifests.apiVersion(resource);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Schema schema = schemas.get(key(Manifests.group(resource), version, Manifests.kind(resource)));
        if (schema == null) {
            return List.of("no pinned CRD serves " + Manifests.kind(resource) + " in " + apiVersion
                    + " (pinned: " + schemas.keySet() + ")");
        }
        return schema.validate(resource).stream().map(Error::toString).toList();
    }
}
