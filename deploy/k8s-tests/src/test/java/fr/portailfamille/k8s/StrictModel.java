package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Built-in Kubernetes objects read with fabric8's kubernetes-model, refusing what the API server's
 * strict field validation refuses: a value of the wrong type fails the parsing, and a field the model
 * does not know (fabric8 keeps it in {@code additionalProperties}) is reported with its path.
 */
public final class StrictModel {

    /** The API groups of built-in kinds; anything else is a custom resource (see {@link CrdSchemas}). */
    public static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "networking.k8s.io", "autoscaling",
            "policy", "rbac.authorization.k8s.io");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictModel() {
    }

    public static boolean isBuiltIn(JsonNode object) {
        return BUILT_IN_GROUPS.contains(Manifests.group(object));
    }

    /** The typed object; fails on a kind fabric8 does not know or on a value it cannot read. */
    public static HasMetadata parse(JsonNode object) {
        KubernetesResource resource;
        try {
            resource = MAPPER.treeToValue(object, KubernetesResource.class);
        } catch (Exception e) {
            throw new AssertionError(Manifests.describe(object) + " cannot be read as Kubernetes "
                    + Manifests.apiVersion(object) + ": " + e.getMessage(), e);
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata typed)) {
            throw new AssertionError(Manifests.describe(object) + ": no built-in kind " + Manifests.kind(object)
                    + " in " + Manifests.apiVersion(object));
        }
        return typed;
    }

    /** Reads {@code object} as {@code type} (e.g. the metadata of a custom resource as ObjectMeta). */
    public static <T> T parse(JsonNode object, Class<T> type) {
        try {
            return MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            throw new AssertionError("cannot be read as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The paths of every field fabric8 did not know, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    public static List<String> unknownFields(Object root) {
        List<String> unknown = new ArrayList<>();
        walk(root, "", unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "[" + key + "]", unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        List<Method> getters = new ArrayList<>();
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() != Object.class
                    && (method.getName().startsWith("get") || method.getName().startsWith("is"))) {
                getters.add(method);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            Object result;
            try {
                result = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (result instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add((path.isEmpty() ? "" : path + ".") + key));
                }
                continue;
            }
            String property = propertyName(getter.getName());
            walk(result, path.isEmpty() ? property : path + "." + property, unknown, seen);
        }
    }

    private static String propertyName(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
