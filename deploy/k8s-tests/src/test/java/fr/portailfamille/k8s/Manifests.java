package fr.portailfamille.k8s;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * deploy/k8s rendered by {@code kubectl kustomize}, each kustomization once per test JVM, as a list of
 * objects (the YAML stream parsed with Jackson).
 */
public final class Manifests {

    public static final List<String> SERVICES = List.of("gateway", "identity-service", "dossier-service",
            "billing-service", "messaging-service", "notification-service");
    public static final String NAMESPACE = "portail-famille";
    /** The kustomization of the production secrets, rendered from a copy whose secrets.env is the example. */
    public static final String PROD_SECRETS = "overlays/prod/secrets";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static Path secretsCopy;

    private Manifests() {
    }

    public static Path repositoryRoot() {
        String root = System.getProperty("portal.repository.root");
        Path here = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("deploy/k8s"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("deploy/k8s not found above " + Path.of("").toAbsolutePath());
        }
        return here;
    }

    public static Path k8s() {
        return repositoryRoot().resolve("deploy/k8s");
    }

    /** The kustomizations an operator applies, relative to deploy/k8s: services, platform, overlays, prod secrets. */
    public static List<String> required() {
        List<String> all = new ArrayList<>();
        SERVICES.forEach(service -> all.add("services/" + service));
        all.add("platform");
        all.add("overlays/dev");
        all.add("overlays/prod");
        all.add(PROD_SECRETS);
        return all;
    }

    /**
     * Every directory of deploy/k8s with a kustomization file that is not a {@code kind: Component}
     * (components render only inside the overlays), relative to deploy/k8s.
     */
    public static List<String> all() {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(k8s(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path file = kustomizationFile(dir);
                    if (file != null && !Files.readString(file).lines().anyMatch(line -> line.strip().equals("kind: Component"))) {
                        found.add(k8s().relativize(dir).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static Path kustomizationFile(Path dir) {
        return Stream.of("kustomization.yaml", "kustomization.yml", "Kustomization")
                .map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The objects {@code kubectl kustomize deploy/k8s/<kustomization>} renders. */
    public static List<JsonNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::doRender);
    }

    private static List<JsonNode> doRender(String kustomization) {
        Path directory = kustomization.equals(PROD_SECRETS) ? secretsCopy().resolve(kustomization) : k8s().resolve(kustomization);
        return parse(Kubectl.kustomize(directory));
    }

    public static List<JsonNode> parse(String yamlStream) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yamlStream)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    /**
     * A copy of deploy/k8s where every {@code <file>.env} of overlays/prod/secrets is its committed
     * {@code <file>.env.example}: what an operator renders after filling in the real values (the real
     * {@code .env} files are git-ignored and never read here).
     */
    static synchronized Path secretsCopy() {
        if (secretsCopy == null) {
            try {
                Path copy = Files.createTempDirectory("k8s-secrets-");
                Path secrets = k8s().resolve(PROD_SECRETS);
                try (Stream<Path> files = Files.walk(k8s())) {
                    for (Path source : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(k8s().relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else if (!(source.startsWith(secrets) && source.getFileName().toString().endsWith(".env"))) {
                            Files.copy(source, target);
                        }
                    }
                }
                List<Path> examples;
                try (Stream<Path> files = Files.list(copy.resolve(PROD_SECRETS))) {
                    examples = files.filter(file -> file.getFileName().toString().endsWith(".env.example")).toList();
                }
                if (examples.isEmpty()) {
                    throw new IllegalStateException("deploy/k8s/" + PROD_SECRETS + " has no *.env.example");
                }
                for (Path example : examples) {
                    String name = example.getFileName().toString();
                    Files.copy(example, example.resolveSibling(name.substring(0, name.length() - ".example".length())));
                }
                secretsCopy = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secretsCopy;
    }

    public static String kind(JsonNode object) {
        return object.path("kind").asString("");
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }

    public static String apiVersion(JsonNode object) {
        return object.path("apiVersion").asString("");
    }

    public static String group(JsonNode object) {
        String apiVersion = apiVersion(object);
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    public static String describe(JsonNode object) {
        return apiVersion(object) + " " + kind(object) + " " + name(object);
    }

    public static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(object -> Objects.equals(kind(object), kind)).toList();
    }
}
