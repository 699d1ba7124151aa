package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.platform.security.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
public class CatalogueController {

    private final Catalogue catalogue;

    public CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record ThemeView(long id, String name, boolean active) {

        static ThemeView of(Theme theme) {
            return new ThemeView(theme.getId(), theme.getName(), theme.isActive());
        }
    }

    public record ServiceView(String code, String name, boolean active, List<ThemeView> themes) {

        static ServiceView of(Catalogue.Entry entry) {
            return new ServiceView(entry.department().getCode(), entry.department().getName(),
                    entry.department().isActive(), entry.themes().stream().map(ThemeView::of).toList());
        }

        static ServiceView of(Department department) {
            return new ServiceView(department.getCode(), department.getName(), department.isActive(), List.of());
        }
    }

    @Operation(summary = "The services families write to and their themes (active ones), for the two dropdowns")
    @GetMapping("/api/messaging/catalogue")
    public List<ServiceView> active() {
        return catalogue.active().stream().map(ServiceView::of).toList();
    }

    @Operation(summary = "The whole catalogue, retired services and themes included (admins)")
    @GetMapping("/api/messaging/admin/catalogue")
    @AdminOnly
    public List<ServiceView> everything() {
        return catalogue.everything().stream().map(ServiceView::of).toList();
    }

    @Operation(summary = "Add a service (admins): code as in agents' services claim, name")
    @PostMapping("/api/messaging/admin/services")
    @ResponseStatus(HttpStatus.CREATED)
    @AdminOnly
    public ServiceView addService(@Valid @RequestBody CatalogueChange.NewDepartment body) {
        return ServiceView.of(catalogue.add(body.code(), body.name()));
    }

    @Operation(summary = "Rename, retire (active false) or bring back a service (admins)")
    @PutMapping("/api/messaging/admin/services/{code}")
    @AdminOnly
    public ServiceView changeService(@PathVariable String code, @Valid @RequestBody CatalogueChange.Change body) {
        return ServiceView.of(catalogue.change(code, body.name(), body.active()));
    }

    @Operation(summary = "Add a theme to a service (admins)")
    @PostMapping("/api/messaging/admin/services/{code}/themes")
    @ResponseStatus(HttpStatus.CREATED)
    @AdminOnly
    public ThemeView addTheme(@PathVariable String code, @Valid @RequestBody CatalogueChange.NewTheme body) {
        return ThemeView.of(catalogue.addTheme(code, body.name()));
    }

    @Operation(summary = "Rename, retire (active false) or bring back a theme (admins)")
    @PutMapping("/api/messaging/admin/themes/{id}")
    @AdminOnly
    public ThemeView changeTheme(@PathVariable long id, @Valid @RequestBody CatalogueChange.Change body) {
        return ThemeView.of(catalogue.changeTheme(id, body.name(), body.active()));
    }
}
