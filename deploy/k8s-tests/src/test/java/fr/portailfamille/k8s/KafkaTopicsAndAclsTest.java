package fr.portailfamille.k8s;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Strimzi KafkaTopics are the topics of platform/events ({@link Topics}), those that carry secrets
 * with the short retention of ADR 009; each service's KafkaUser may write its own topics only, read the
 * topics its {@code @KafkaListener}s consume and use its consumer group, as its sources say (read as text
 * from the repository) — and nothing else.
 */
class KafkaTopicsAndAclsTest {

    /** What a service does with Kafka, from its sources. */
    record Usage(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\(");
    private static final Pattern TOPICS = Pattern.compile("\\btopics\\s*=\\s*(\\{[^}]*}|[^,)]+)");
    private static final Pattern GROUP = Pattern.compile("\\bgroupId\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TOPIC_VALUE = Pattern.compile("Topics\\.([A-Z0-9_]+)|\"([^\"]+)\"");
    private static final Pattern DEAD_LETTER = Pattern.compile("new\\s+TopicPartition\\s*\\(\\s*Topics\\.([A-Z0-9_]+)");

    /** The public static final String fields of {@link Topics}: name → topic. */
    static Map<String, String> topicConstants() {
        Map<String, String> topics = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    topics.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    static Map<String, Usage> usages() {
        Map<String, Usage> usages = new TreeMap<>();
        Manifests.SERVICES.stream().filter(ServiceSettings::usesServiceStarter).forEach(service -> usages.put(service, usage(service)));
        return usages;
    }

    /**
     * Writes: the topics of the event types it owns (EventCatalog, published by its outbox) and those its
     * code sends records to directly (a dead-letter {@code new TopicPartition(Topics.X, …)}). Reads: the
     * topics of its {@code @KafkaListener}s. Groups: theirs, or spring.kafka.consumer.group-id.
     */
    static Usage usage(String service) {
        Map<String, String> constants = topicConstants();
        Set<String> writes = new TreeSet<>();
        EventCatalog.entries().stream().filter(entry -> entry.ownerSource().equals("/portail-famille/" + service))
                .forEach(entry -> writes.add(entry.topic()));
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        String defaultGroup = ServiceSettings.applicationYml(service).path("spring").path("kafka").path("consumer").path("group-id").asString("");
        for (String source : javaSources(service)) {
            Matcher deadLetter = DEAD_LETTER.matcher(source);
            while (deadLetter.find()) {
                writes.add(resolve(constants, deadLetter.group(1), service));
            }
            Matcher listener = LISTENER.matcher(source);
            while (listener.find()) {
                String arguments = balanced(source, listener.end() - 1);
                Matcher topics = TOPICS.matcher(arguments);
                if (!topics.find()) {
                    throw new IllegalStateException(service + ": a @KafkaListener without topics = (topicPattern?): " + arguments);
                }
                Matcher value = TOPIC_VALUE.matcher(topics.group(1));
                while (value.find()) {
                    reads.add(value.group(1) != null ? resolve(constants, value.group(1), service) : value.group(2));
                }
                Matcher group = GROUP.matcher(arguments);
                if (group.find()) {
                    groups.add(group.group(1));
                } else if (!defaultGroup.isEmpty()) {
                    groups.add(defaultGroup);
                } else {
                    throw new IllegalStateException(service + ": a @KafkaListener without groupId and no spring.kafka.consumer.group-id");
                }
            }
        }
        if (!reads.isEmpty() && !defaultGroup.isEmpty()) {
            groups.add(defaultGroup);
        }
        return new Usage(writes, reads, groups);
    }

    private static String resolve(Map<String, String> constants, String name, String service) {
        String topic = constants.get(name);
        if (topic == null) {
            throw new IllegalStateException(service + " names Topics." + name + ", which Topics has not");
        }
        return topic;
    }

    /** The text between the parenthesis at {@code open} and its match. */
    private static String balanced(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced parenthesis after " + text.substring(open, Math.min(text.length(), open + 80)));
    }

    private static List<String> javaSources(String service) {
        Path root = Manifests.repositoryRoot().resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> sources = new ArrayList<>();
            for (Path file : (Iterable<Path>) files.filter(path -> path.toString().endsWith(".java"))::iterator) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"platform", "overlays/dev", "overlays/prod"})
    void topics_and_acls_follow_the_code(String kustomization) {
        assertThat(topicConstants()).isNotEmpty();
        assertThat(Topics.SECRET_TOPICS).isNotEmpty();
        assertThat(usages().values()).anyMatch(usage -> !usage.reads().isEmpty());
        assertThat(problems(Cluster.of(kustomization), usages())).isEmpty();
    }

    @Test
    void the_sources_are_read_as_the_services_use_kafka() {
        // What the services' sources say today, so that a parser gone blind cannot make the ACLs look right.
        Map<String, Usage> usages = usages();
        assertThat(usages.get("notification-service").reads()).containsAll(Topics.ALL_EVENT_TOPICS);
        assertThat(usages.get("notification-service").writes()).containsExactly(Topics.NOTIFICATION_DEAD_LETTER);
        assertThat(usages.get("notification-service").groups()).containsExactly("notification-service");
        assertThat(usages.get("identity-service").writes()).containsExactly(Topics.IDENTITY);
    }

    @Test
    void a_topic_or_right_out_of_line_is_seen() {
        List<JsonNode> spoilt = new ArrayList<>();
        for (JsonNode object : Manifests.render("overlays/prod")) {
            ObjectNode copy = (ObjectNode) object.deepCopy();
            if (Manifests.kind(copy).equals("KafkaTopic") && copy.path("spec").path("topicName").asString("").equals(Topics.MESSAGING)) {
                continue;
            }
            if (Manifests.kind(copy).equals("KafkaTopic") && copy.path("spec").path("topicName").asString("").equals(Topics.IDENTITY)) {
                ((ObjectNode) copy.get("spec").get("config")).put("retention.ms", 604800000);
            }
            if (Manifests.kind(copy).equals("KafkaUser") && Manifests.name(copy).equals("dossier-service")) {
                ObjectNode acl = ((ArrayNode) copy.get("spec").get("authorization").get("acls")).addObject();
                acl.putObject("resource").put("type", "topic").put("name", Topics.BILLING).put("patternType", "literal");
                acl.putArray("operations").add("Write");
            }
            spoilt.add(copy);
        }
        // And messaging-service's sources with a listener of dossier.events that its KafkaUser does not allow.
        Map<String, Usage> usages = new TreeMap<>(usages());
        Usage messaging = usages.get("messaging-service");
        Set<String> reads = new TreeSet<>(messaging.reads());
        reads.add(Topics.DOSSIER);
        usages.put("messaging-service", new Usage(messaging.writes(), reads, Set.of("messaging-service")));

        List<String> before = problems(Cluster.of("overlays/prod"), usages());
        List<String> added = new ArrayList<>(problems(Cluster.of("overlays/prod, spoilt", spoilt), usages));
        added.removeAll(before);
        assertThat(added)
                .anyMatch(problem -> problem.contains(Topics.MESSAGING) && problem.contains("KafkaTopic"))
                .anyMatch(problem -> problem.contains(Topics.IDENTITY) && problem.contains("retention.ms"))
                .anyMatch(problem -> problem.startsWith("KafkaUser dossier-service") && problem.contains("Write"))
                .anyMatch(problem -> problem.startsWith("KafkaUser messaging-service") && problem.contains("Read"));
    }

    static List<String> problems(Cluster cluster, Map<String, Usage> usages) {
        List<String> problems = new ArrayList<>();
        JsonNode kafka = RenderedEnvironment.single(cluster, "Kafka");
        if (kafka == null) {
            problems.add(cluster.kustomization() + ": not exactly one Kafka");
            return problems;
        }
        String kafkaName = Manifests.name(kafka);

        // The topics.
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode topic : cluster.customResources("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asString(Manifests.name(topic));
            topics.put(name, topic);
            if (!kafkaName.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asString(""))) {
                problems.add("KafkaTopic " + name + " is not labelled strimzi.io/cluster: " + kafkaName);
            }
        }
        Set<String> expected = new TreeSet<>(topicConstants().values());
        if (!topics.keySet().equals(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(topics.keySet());
            Set<String> extra = new TreeSet<>(topics.keySet());
            extra.removeAll(expected);
            problems.add("the KafkaTopics are not the topics of Topics: missing KafkaTopic " + missing + ", not in Topics " + extra);
        }
        for (String secret : Topics.SECRET_TOPICS) {
            JsonNode topic = topics.get(secret);
            if (topic == null) {
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>(Topics.configs(secret));
            settings.put("retention.ms", Long.toString(Topics.SECRETS_RETENTION.toMillis()));
            settings.forEach((key, value) -> {
                String actual = topic.path("spec").path("config").path(key).asString(null);
                if (!value.equals(actual)) {
                    problems.add("KafkaTopic " + secret + " carries secrets: " + key + " is " + actual + ", not " + value + " (ADR 009)");
                }
            });
        }

        // The users.
        Map<String, JsonNode> users = new TreeMap<>();
        cluster.customResources("KafkaUser").forEach(user -> users.put(Manifests.name(user), user));
        if (!users.keySet().equals(usages.keySet())) {
            problems.add("the KafkaUsers " + users.keySet() + " are not the services with Kafka " + usages.keySet());
        }
        usages.forEach((service, usage) -> {
            JsonNode user = users.get(service);
            if (user != null) {
                checkUser(service, user, usage, kafkaName, problems);
            }
        });
        return problems;
    }

    private static void checkUser(String service, JsonNode user, Usage usage, String kafkaName, List<String> problems) {
        String where = "KafkaUser " + service + ": ";
        if (!kafkaName.equals(user.path("metadata").path("labels").path("strimzi.io/cluster").asString(""))) {
            problems.add(where + "not labelled strimzi.io/cluster: " + kafkaName);
        }
        if (!user.path("spec").path("authorization").path("type").asString("").equals("simple")) {
            problems.add(where + "authorization is not simple (its ACLs would not apply)");
        }
        Set<String> written = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            String type = resource.path("type").asString("");
            String name = resource.path("name").asString("");
            String pattern = resource.path("patternType").asString("literal");
            Set<String> operations = new TreeSet<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asString("")));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asString(""));
            }
            if (!pattern.equals("literal") || name.equals("*")) {
                problems.add(where + type + " " + name + " is not named literally (" + pattern + ")");
            }
            if (acl.path("type").asString("allow").equals("deny")) {
                continue;
            }
            Set<String> allowed = switch (type) {
                case "topic" -> Set.of("Write", "Read", "Describe");
                case "group" -> Set.of("Read", "Describe");
                default -> Set.of();
            };
            Set<String> beyond = new TreeSet<>(operations);
            beyond.removeAll(allowed);
            if (!beyond.isEmpty()) {
                problems.add(where + "operations " + beyond + " on " + type + " " + name + " (none but Write/Read/Describe on topics, Read on groups)");
            }
            if (type.equals("topic") && operations.contains("Write")) {
                written.add(name);
            }
            if (type.equals("topic") && operations.contains("Read")) {
                read.add(name);
            }
            if (type.equals("group") && operations.contains("Read")) {
                groups.add(name);
            }
        }
        if (!written.equals(usage.writes())) {
            problems.add(where + "Write on topics " + written + ", while its code writes " + usage.writes());
        }
        if (!read.equals(usage.reads())) {
            problems.add(where + "Read on topics " + read + ", while its @KafkaListeners read " + usage.reads());
        }
        if (!groups.equals(usage.groups())) {
            problems.add(where + "Read on groups " + groups + ", while its consumer groups are " + usage.groups());
        }
    }
}
