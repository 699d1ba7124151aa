package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The authority's services and their themes: what families may write to (active ones only), what
 * admins change (add, rename, retire, bring back; never delete, old conversations keep pointing at
 * them), and who belongs to a service (the agent's {@code services} claim).
 */
@Service
public class Catalogue {

    private final DepartmentRepository departments;
    private final ThemeRepository themes;

    public Catalogue(DepartmentRepository departments, ThemeRepository themes) {
        this.departments = departments;
        this.themes = themes;
    }

    /** A service and its themes, as listed. */
    public record Entry(Department department, List<Theme> themes) {
    }

    /** A service and theme a family may write to now. */
    public record Choice(Department department, Theme theme) {
    }

    /** Every service with every theme, retired ones included (admins), services by name, themes in their order. */
    @Transactional(readOnly = true)
    public List<Entry> everything() {
        Map<String, List<Theme>> byService = themes.findAllByOrderByIdAsc().stream()
                .collect(Collectors.groupingBy(Theme::getServiceCode));
        return departments.findAllByOrderByNameAsc().stream()
                .map(d -> new Entry(d, byService.getOrDefault(d.getCode(), List.of())))
                .toList();
    }

    /** What families choose from: active services with their active themes (a service without any is left out). */
    @Transactional(readOnly = true)
    public List<Entry> active() {
        return everything().stream()
                .filter(e -> e.department().isActive())
                .map(e -> new Entry(e.department(), e.themes().stream().filter(Theme::isActive).toList()))
                .filter(e -> !e.themes().isEmpty())
                .toList();
    }

    /** Every service by code, retired ones included (names of old conversations). */
    @Transactional(readOnly = true)
    public Map<String, Department> departmentsByCode() {
        return departments.findAll().stream().collect(Collectors.toMap(Department::getCode, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<Department> department(String code) {
        return code == null ? Optional.empty() : departments.findById(code);
    }

    @Transactional(readOnly = true)
    public Optional<Theme> theme(long id) {
        return themes.findById(id);
    }

    /**
     * The service and theme of a new conversation: both must exist and be active, and the theme must
     * be the service's; else 400 naming the field ({@code service} « Service », {@code theme} « Thème »).
     */
    @Transactional(readOnly = true)
    public Choice forNewConversation(String serviceCode, Long themeId) {
        Department department = department(serviceCode)
                .orElseThrow(() -> ApiProblem.invalidField("service", "catalogue.service.unknown"));
        if (!department.isActive()) {
            throw ApiProblem.invalidField("service", "catalogue.service.retired", department.getName());
        }
        return new Choice(department, activeThemeOf(department, themeId));
    }

    /**
     * The service and theme a conversation is transferred to: an active service other than its own, and
     * either the theme named ({@code themeId}) or, when none is, the target's active theme of the same
     * name as the current one (« Inscriptions » to « Inscriptions »); else 400 naming the field.
     */
    @Transactional(readOnly = true)
    public Choice forTransfer(String targetCode, Long themeId, String currentServiceCode, String currentThemeName) {
        Department target = department(targetCode)
                .orElseThrow(() -> ApiProblem.invalidField("service", "catalogue.service.unknown"));
        if (!target.isActive()) {
            throw ApiProblem.invalidField("service", "catalogue.service.retired", target.getName());
        }
        if (target.getCode().equals(currentServiceCode)) {
            throw ApiProblem.invalidField("service", "transfer.same-service", target.getName());
        }
        if (themeId == null) {
            Theme same = themes.findAllByOrderByIdAsc().stream()
                    .filter(t -> t.getServiceCode().equals(target.getCode()) && t.isActive()
                            && t.getName().equalsIgnoreCase(currentThemeName))
                    .findFirst()
                    .orElseThrow(() -> ApiProblem.invalidField("theme", "transfer.theme.required", target.getName(),
                            currentThemeName));
            return new Choice(target, same);
        }
        return new Choice(target, activeThemeOf(target, themeId));
    }

    private Theme activeThemeOf(Department department, Long themeId) {
        if (themeId == null) {
            throw ApiProblem.invalidField("theme", "catalogue.theme.required");
        }
        Theme theme = themes.findById(themeId)
                .filter(t -> t.getServiceCode().equals(department.getCode()))
                .orElseThrow(() -> ApiProblem.invalidField("theme", "catalogue.theme.unknown", department.getName()));
        if (!theme.isActive()) {
            throw ApiProblem.invalidField("theme", "catalogue.theme.retired", theme.getName());
        }
        return theme;
    }

    /** Whether {@code agent} belongs to the service {@code code} (its {@code services} claim). */
    public static boolean belongs(PortalPrincipal agent, String code) {
        return agent.hasRole(PortalPrincipal.AGENT) && agent.services().contains(code);
    }

    @Transactional
    public Department add(String code, String name) {
        if (departments.existsById(code)) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "code", "catalogue.code.taken", code);
        }
        requireFreeName(name.strip(), code);
        return departments.saveAndFlush(new Department(code, name.strip()));
    }

    @Transactional
    public Department change(String code, String name, boolean active) {
        Department department = departments.findById(code)
                .orElseThrow(() -> ApiProblem.notFound("service-introuvable", "catalogue.service.not-found", code));
        requireFreeName(name.strip(), code);
        department.change(name.strip(), active);
        return departments.saveAndFlush(department);
    }

    @Transactional
    public Theme addTheme(String serviceCode, String name) {
        Department department = departments.findById(serviceCode)
                .orElseThrow(() -> ApiProblem.notFound("service-introuvable", "catalogue.service.not-found", serviceCode));
        if (themes.nameTakenByAnother(department.getCode(), name.strip(), -1)) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "name", "catalogue.theme.name-taken", name.strip(),
                    department.getName());
        }
        return themes.saveAndFlush(new Theme(department.getCode(), name.strip()));
    }

    @Transactional
    public Theme changeTheme(long id, String name, boolean active) {
        Theme theme = themes.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("theme-introuvable", "catalogue.theme.not-found"));
        if (themes.nameTakenByAnother(theme.getServiceCode(), name.strip(), id)) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "name", "catalogue.theme.name-taken", name.strip(),
                    department(theme.getServiceCode()).map(Department::getName).orElse(theme.getServiceCode()));
        }
        theme.change(name.strip(), active);
        return themes.saveAndFlush(theme);
    }

    private void requireFreeName(String name, String code) {
        if (departments.nameTakenByAnother(name, code)) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "name", "catalogue.name-taken", name);
        }
    }
}
