package fr.portailfamille.dossier.child;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/dossier/dossiers/{number}/children")
public class ChildController {

    private final ChildService service;

    public ChildController(ChildService service) {
        this.service = service;
    }

    public record ChildView(long id, String firstName, String lastName, LocalDate birthDate, String school,
                            String className, List<String> activities) {

        static ChildView of(Child child) {
            return new ChildView(child.getId(), child.getFirstName(), child.getLastName(), child.getBirthDate(),
                    child.getSchool(), child.getClassName(), child.getActivities());
        }
    }

    @Operation(summary = "Add a child to a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffOnly
    public ChildView add(PortalPrincipal agent, @PathVariable String number, @Valid @RequestBody NewChild request) {
        return ChildView.of(service.add(agent, number, request));
    }

    @Operation(summary = "The children of a dossier: the family's own, any for an agent")
    @GetMapping
    public List<ChildView> list(PortalPrincipal caller, @PathVariable String number) {
        return service.list(caller, number).stream().map(ChildView::of).toList();
    }
}
