package fr.portailfamille.dossier.search;

import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
public class DossierSearchController {

    private final DossierSearch search;

    public DossierSearchController(DossierSearch search) {
        this.search = search;
    }

    @Operation(summary = "Find dossiers by number, family name or child name (agents), paged")
    @GetMapping("/api/dossier/dossiers")
    @StaffOnly
    public DossierSearch.Results find(@RequestParam(name = "q", defaultValue = "") @Size(max = 100) String query,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return search.search(query, page, size);
    }
}
