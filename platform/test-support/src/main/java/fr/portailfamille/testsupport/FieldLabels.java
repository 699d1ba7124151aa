package fr.portailfamille.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People read a field by its form's label, never by its Java name: a validation problem says
 * « Civilité », not {@code civility}. The platform's {@code Problems.label} finds the label in the
 * service's {@code messages.properties} under {@code field.<name>} (or {@code field.<path>} for a
 * nested value, {@code address.postcode} → {@code field.address.postcode}, then {@code field.postcode}).
 * <ul>
 *   <li>{@link #verify(Class, String...)} checks that every field a service's controllers accept has
 *       its label: the components (or fields) of each {@code @RequestBody} and {@code @ModelAttribute}
 *       type, recursively into the service's own nested types and lists of them, and the names of
 *       {@code @RequestParam} and {@code @RequestPart} parameters. A service's {@code FieldLabelsTest}
 *       calls it with its application class; the error lists every field without a label.</li>
 *   <li>{@link #assertNoJavaNames(JsonNode, Class...)} checks a problem+json answer: its {@code detail}
 *       and {@code errors[].message} name none of the given request types' Java field names.</li>
 * </ul>
 */
public final class FieldLabels {

    private FieldLabels() {
    }

    /** A field a controller accepts: its JSON name, its path from the request's root, and where it comes from. */
    record AcceptedField(String name, String path, String origin) {
    }

    /**
     * Fails listing every field of {@code application}'s controllers (classes of its package whose name
     * ends in {@code Controller}) without a {@code field.<name>} label in its {@code messages.properties};
     * {@code extraFields} are names a service reports itself ({@code ApiProblem.invalidField}) that must
     * have one too.
     */
    public static void verify(Class<?> application, String... extraFields) {
        List<String> missing = missingLabels(application, messages(application), false, extraFields);
        assertThat(missing)
                .as("Fields of %s's requests without a French label in messages.properties (add `field.<name>=<the form's label>`)",
                        application.getSimpleName())
                .isEmpty();
    }

    /** The fields without a label, described for the error ({@code includeTests}: for test-support's own tests). */
    static List<String> missingLabels(Class<?> application, Properties messages, boolean includeTests,
                                      String... extraFields) {
        List<String> missing = new ArrayList<>();
        for (AcceptedField field : acceptedFields(application, includeTests)) {
            if (!hasLabel(messages, field.path()) && !missing.contains(describe(field))) {
                missing.add(describe(field));
            }
        }
        for (String extra : extraFields) {
            if (!hasLabel(messages, extra)) {
                missing.add("field." + extra + "=…  (reported by the service itself)");
            }
        }
        return missing;
    }

    private static String describe(AcceptedField field) {
        return "field." + lastSegment(field.path()) + "=…  (" + field.path() + " of " + field.origin() + ")";
    }

    /** Whether {@code path} ({@code guardians[0].address.postcode}) has a label, as {@code Problems.label} looks for it. */
    static boolean hasLabel(Properties messages, String path) {
        String bare = path.replaceAll("\\[\\d*]", "");
        for (String candidate = bare; ; candidate = candidate.substring(candidate.indexOf('.') + 1)) {
            if (messages.containsKey("field." + candidate)) {
                return true;
            }
            if (candidate.indexOf('.') < 0) {
                return false;
            }
        }
    }

    private static String lastSegment(String path) {
        String bare = path.replaceAll("\\[\\d*]", "");
        return bare.substring(bare.lastIndexOf('.') + 1);
    }

    /** Every field the controllers of {@code application}'s package accept, in a stable order. */
    static List<AcceptedField> acceptedFields(Class<?> application, boolean includeTests) {
        String base = application.getPackageName();
        List<AcceptedField> fields = new ArrayList<>();
        for (Class<?> controller : controllers(application, includeTests)) {
            List<Method> methods = new ArrayList<>(List.of(controller.getDeclaredMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String origin = controller.getSimpleName() + "." + method.getName();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)
                            || parameter.isAnnotationPresent(ModelAttribute.class)) {
                        collect(parameter.getParameterizedType(), "", base, origin, fields, new HashSet<>());
                    } else if (parameter.isAnnotationPresent(RequestParam.class)) {
                        RequestParam param = parameter.getAnnotation(RequestParam.class);
                        if (!Map.class.isAssignableFrom(parameter.getType())) {
                            fields.add(new AcceptedField("", nameOf(param.name(), param.value(), parameter), origin));
                        }
                    } else if (parameter.isAnnotationPresent(RequestPart.class)) {
                        RequestPart part = parameter.getAnnotation(RequestPart.class);
                        fields.add(new AcceptedField("", nameOf(part.name(), part.value(), parameter), origin));
                    }
                }
            }
        }
        return fields.stream().map(f -> new AcceptedField(lastSegment(f.path()), f.path(), f.origin())).toList();
    }

    private static String nameOf(String name, String value, Parameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        if (!value.isEmpty()) {
            return value;
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("Compile with -parameters, or name the parameter " + parameter);
        }
        return parameter.getName();
    }

    /** The fields of {@code type} under {@code prefix}, into the service's own types (lists, arrays, maps' values). */
    private static void collect(Type type, String prefix, String base, String origin, List<AcceptedField> into,
                                Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw.getPackageName().startsWith(base)) {
                collect(raw, prefix, base, origin, into, seen);
            } else {
                Type[] arguments = parameterized.getActualTypeArguments();
                Type element = Map.class.isAssignableFrom(raw) ? arguments[arguments.length - 1]
                        : arguments.length == 1 ? arguments[0] : null;
                if (element != null) {
                    collect(element, prefix.isEmpty() ? prefix : prefix + "[]", base, origin, into, seen);
                }
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), prefix + "[]", base, origin, into, seen);
        } else if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length == 1) {
            collect(wildcard.getUpperBounds()[0], prefix, base, origin, into, seen);
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), prefix + "[]", base, origin, into, seen);
            } else if (c.getPackageName().startsWith(base) && !c.isEnum() && !c.isInterface() && seen.add(c)) {
                String path = prefix.isEmpty() ? "" : prefix + ".";
                for (Member member : members(c)) {
                    into.add(new AcceptedField("", path + member.name(), origin + " → " + c.getSimpleName()));
                    collect(member.type(), path + member.name(), base, origin, into, seen);
                }
                seen.remove(c);
            }
        }
    }

    private record Member(String name, Type type) {
    }

    /** A record's components, else the instance fields of the class and its superclasses of the same service. */
    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(new Member(jsonName(component.getAccessor(), component.getName()),
                        component.getGenericType()));
            }
            return members;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    members.add(new Member(field.getName(), field.getGenericType()));
                }
            }
        }
        return members;
    }

    /** A component's JSON name: Jackson's {@code @JsonProperty} when it renames it (read reflectively). */
    private static String jsonName(Method accessor, String name) {
        for (var annotation : accessor.getAnnotations()) {
            if (annotation.annotationType().getName().equals("com.fasterxml.jackson.annotation.JsonProperty")) {
                try {
                    String value = (String) annotation.annotationType().getMethod("value").invoke(annotation);
                    return value.isEmpty() ? name : value;
                } catch (ReflectiveOperationException e) {
                    return name;
                }
            }
        }
        return name;
    }

    private static List<Class<?>> controllers(Class<?> application, boolean includeTests) {
        Set<String> names = new LinkedHashSet<>();
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS);
        if (!includeTests) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        for (JavaClass type : importer.importPackages(application.getPackageName())) {
            if (type.getSimpleName().endsWith("Controller") && !type.isInterface()) {
                names.add(type.getName());
            }
        }
        List<Class<?>> controllers = new ArrayList<>();
        for (String name : names) {
            try {
                controllers.add(Class.forName(name, false, application.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        controllers.sort(Comparator.comparing(Class::getName));
        assertThat(controllers).as("controllers of %s", application.getPackageName()).isNotEmpty();
        return controllers;
    }

    /** The service's own {@code messages.properties} (UTF-8), next to its application class. */
    static Properties messages(Class<?> application) {
        Properties messages = new Properties();
        try (InputStream in = application.getClassLoader().getResourceAsStream("messages.properties")) {
            assertThat(in).as("messages.properties of %s", application.getSimpleName()).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    /**
     * Fails if the problem's {@code detail} or any {@code errors[].message} names a Java field of
     * {@code requestTypes} (their components and those of the nested types of the same package), either
     * quoted as a label would be (« civility ») or as a bare word.
     */
    public static void assertNoJavaNames(JsonNode problem, Class<?>... requestTypes) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : requestTypes) {
            List<AcceptedField> fields = new ArrayList<>();
            collect(type, "", type.getPackageName(), type.getSimpleName(), fields, new HashSet<>());
            fields.forEach(f -> names.add(lastSegment(f.path())));
        }
        List<String> texts = new ArrayList<>();
        if (problem.hasNonNull("detail")) {
            texts.add(problem.get("detail").asString());
        }
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> texts.add(error.path("message").asString()));
        }
        assertThat(texts).as("the problem's texts").isNotEmpty();
        for (String text : texts) {
            for (String name : names) {
                assertThat(Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_-])")
                        .matcher(text).find())
                        .as("« %s » names the Java field %s: people read the form's label", text, name)
                        .isFalse();
            }
        }
    }
}
