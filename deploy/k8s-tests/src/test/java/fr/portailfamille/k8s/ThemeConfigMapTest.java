package fr.portailfamille.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the login theme (deploy/keycloak/themes/portail-famille/**) and of the password
 * blacklists (deploy/keycloak/password-blacklists) reaches the Keycloak pods: it is in the rendered
 * ConfigMap, with the same content, and the Keycloak's podTemplate mounts it at its path under
 * Keycloak's themes folder (/opt/keycloak/themes/<theme>/...) or blacklists folder
 * (/opt/keycloak/data/password-blacklists, kc.home.dir/data/password-blacklists: the folder the realm's
 * passwordBlacklist policy reads by default).
 */
class ThemeConfigMapTest {

    static final String THEMES = "/opt/keycloak/themes/";
    static final String BLACKLISTS = "/opt/keycloak/data/password-blacklists";

    /** A folder's files: relative path (with /) → content. */
    static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Each theme of deploy/keycloak/themes: name → its files. */
    static Map<String, Map<String, byte[]>> themes() {
        Path themes = Manifests.repositoryRoot().resolve("deploy/keycloak/themes");
        Map<String, Map<String, byte[]>> all = new TreeMap<>();
        try (Stream<Path> list = Files.list(themes)) {
            list.filter(Files::isDirectory).forEach(theme -> all.put(theme.getFileName().toString(), files(theme)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static Map<String, byte[]> blacklists() {
        return files(Manifests.repositoryRoot().resolve("deploy/keycloak/password-blacklists"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"platform", "overlays/dev", "overlays/prod"})
    void every_theme_and_blacklist_file_is_mounted_in_keycloak(String kustomization) {
        Map<String, Map<String, byte[]>> themes = themes();
        assertThat(themes).containsKey("portail-famille");
        assertThat(themes.get("portail-famille")).isNotEmpty();
        assertThat(blacklists()).isNotEmpty();
        assertThat(problems(Cluster.of(kustomization), themes, blacklists())).isEmpty();
    }

    @Test
    void a_file_missing_from_the_configmap_or_the_volume_is_seen() {
        List<JsonNode> spoilt = new ArrayList<>();
        for (JsonNode object : Manifests.render("overlays/prod")) {
            ObjectNode copy = (ObjectNode) object.deepCopy();
            if (Manifests.kind(copy).equals("Keycloak")) {
                for (JsonNode volume : copy.get("spec").get("unsupported").get("podTemplate").get("spec").get("volumes")) {
                    ArrayNode items = (ArrayNode) volume.path("configMap").get("items");
                    for (int i = items == null ? -1 : items.size() - 1; i >= 0; i--) {
                        if (items.get(i).path("path").asString("").endsWith("messages_en.properties")) {
                            items.remove(i);
                        }
                    }
                }
            }
            if (Manifests.kind(copy).equals("ConfigMap") && Manifests.name(copy).startsWith("portail-keycloak-theme")) {
                ((ObjectNode) copy.get("data")).put("login.ftl", "<#-- an older login page -->");
            }
            spoilt.add(copy);
        }
        // And a file added to the theme but to neither the ConfigMap nor the volume.
        Map<String, Map<String, byte[]>> themes = new TreeMap<>(themes());
        Map<String, byte[]> theme = new TreeMap<>(themes.get("portail-famille"));
        theme.put("login/resources/css/portail.css", "body { margin: 0 }".getBytes(StandardCharsets.UTF_8));
        themes.put("portail-famille", theme);
        Map<String, byte[]> blacklists = new TreeMap<>(blacklists());
        blacklists.put("french-passwords.txt", "soleil\n".getBytes(StandardCharsets.UTF_8));

        List<String> before = problems(Cluster.of("overlays/prod"), themes(), blacklists());
        List<String> added = new ArrayList<>(problems(Cluster.of("overlays/prod, spoilt", spoilt), themes, blacklists));
        added.removeAll(before);
        assertThat(added)
                .anyMatch(problem -> problem.contains("login/messages/messages_en.properties") && problem.contains("not mounted"))
                .anyMatch(problem -> problem.contains("login/login.ftl") && problem.contains("content"))
                .anyMatch(problem -> problem.contains("login/resources/css/portail.css"))
                .anyMatch(problem -> problem.contains("french-passwords.txt"));
    }

    static List<String> problems(Cluster cluster, Map<String, Map<String, byte[]>> themes, Map<String, byte[]> blacklists) {
        List<String> problems = new ArrayList<>();
        JsonNode keycloak = RenderedEnvironment.single(cluster, "Keycloak");
        if (keycloak == null) {
            problems.add(cluster.kustomization() + ": not exactly one Keycloak");
            return problems;
        }
        JsonNode pod = keycloak.path("spec").path("unsupported").path("podTemplate").path("spec");
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        pod.path("volumes").forEach(volume -> volumes.put(volume.path("name").asString(""), volume));
        Map<String, String> mounts = new LinkedHashMap<>();
        JsonNode containers = pod.path("containers");
        if (containers.size() != 1) {
            problems.add("Keycloak " + Manifests.name(keycloak) + ": the podTemplate has not one container (the operator merges the first)");
        }
        containers.path(0).path("volumeMounts").forEach(mount -> mounts.put(mount.path("mountPath").asString(""), mount.path("name").asString("")));

        themes.forEach((name, files) -> checkFolder(cluster, "theme " + name, THEMES + name, files, mounts, volumes, problems));
        checkFolder(cluster, "password blacklists", BLACKLISTS, blacklists, mounts, volumes, problems);

        // The realm uses the theme and the blacklists that are there.
        for (JsonNode realmImport : cluster.customResources("KeycloakRealmImport")) {
            JsonNode realm = realmImport.path("spec").path("realm");
            String loginTheme = realm.path("loginTheme").asString("");
            if (!loginTheme.isEmpty() && !themes.containsKey(loginTheme)) {
                problems.add("realm " + realm.path("realm").asString("") + ": loginTheme " + loginTheme + " is not in deploy/keycloak/themes");
            }
            Matcher blacklist = Pattern.compile("passwordBlacklist\\(([^)]*)\\)").matcher(realm.path("passwordPolicy").asString(""));
            while (blacklist.find()) {
                if (!blacklists.containsKey(blacklist.group(1))) {
                    problems.add("realm " + realm.path("realm").asString("") + ": passwordBlacklist(" + blacklist.group(1)
                            + ") is not in deploy/keycloak/password-blacklists");
                }
            }
        }
        return problems;
    }

    /** The files {@code files} are, with their content, at {@code mountPath} of the Keycloak container. */
    private static void checkFolder(Cluster cluster, String what, String mountPath, Map<String, byte[]> files,
                                    Map<String, String> mounts, Map<String, JsonNode> volumes, List<String> problems) {
        String volumeName = mounts.get(mountPath);
        JsonNode volume = volumeName == null ? null : volumes.get(volumeName);
        if (volume == null || !volume.path("configMap").isObject()) {
            problems.add(what + ": no ConfigMap volume mounted at " + mountPath + "; not mounted: " + files.keySet());
            return;
        }
        String configMapName = volume.path("configMap").path("name").asString("");
        Map<String, byte[]> data = configMapContent(cluster, configMapName);
        if (data == null) {
            problems.add(what + ": the volume " + volumeName + " names ConfigMap " + configMapName + ", which is not rendered");
            return;
        }
        // Relative path in the volume → ConfigMap key: the items when listed, else every key at its own name.
        Map<String, String> keyAt = new LinkedHashMap<>();
        JsonNode items = volume.path("configMap").path("items");
        if (items.isArray() && !items.isEmpty()) {
            for (JsonNode item : items) {
                String key = item.path("key").asString("");
                keyAt.put(item.path("path").asString(""), key);
                if (!data.containsKey(key) && !volume.path("configMap").path("optional").asBoolean(false)) {
                    problems.add(what + ": item " + key + " of the volume " + volumeName + " is no key of ConfigMap "
                            + configMapName + " (the pod would not start)");
                }
            }
        } else {
            data.keySet().forEach(key -> keyAt.put(key, key));
        }
        files.forEach((path, content) -> {
            String key = keyAt.get(path);
            if (key == null) {
                problems.add(what + ": " + path + " is not mounted at " + mountPath + "/" + path
                        + " (not in ConfigMap " + configMapName + " or not in the volume's items)");
            } else if (data.containsKey(key) && !java.util.Arrays.equals(data.get(key), content)) {
                problems.add(what + ": " + path + " (key " + key + " of ConfigMap " + configMapName + ") has not the file's content");
            }
        });
        keyAt.keySet().stream().filter(path -> !files.containsKey(path))
                .forEach(path -> problems.add(what + ": " + mountPath + "/" + path + " is mounted but no such file is in the repository"));
    }

    /** A rendered ConfigMap's keys and bytes (data and binaryData), or null when there is none of that name. */
    private static Map<String, byte[]> configMapContent(Cluster cluster, String name) {
        for (JsonNode object : cluster.raw()) {
            if (Manifests.kind(object).equals("ConfigMap") && Manifests.name(object).equals(name)) {
                Map<String, byte[]> content = new LinkedHashMap<>();
                object.path("data").properties().forEach(entry -> content.put(entry.getKey(),
                        entry.getValue().asString("").getBytes(StandardCharsets.UTF_8)));
                object.path("binaryData").properties().forEach(entry -> content.put(entry.getKey(),
                        Base64.getDecoder().decode(entry.getValue().asString(""))));
                return content;
            }
        }
        return null;
    }
}
