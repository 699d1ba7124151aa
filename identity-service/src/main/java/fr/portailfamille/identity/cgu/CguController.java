package fr.portailfamille.identity.cgu;

import fr.portailfamille.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
public class CguController {

    private final CguRepository versions;
    private final Clock clock;

    public CguController(CguRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public record CguView(String version, String title, String text, Instant publishedAt) {
    }

    /** The terms in force now (public: read before registering). */
    public CguVersion current() {
        return versions.findFirstByPublishedAtLessThanEqualOrderByPublishedAtDesc(clock.instant())
                .orElseThrow(() -> ApiProblem.notFound("cgu-introuvables", "cgu.none"));
    }

    public record NewVersion(@jakarta.validation.constraints.NotBlank
                             @jakarta.validation.constraints.Pattern(regexp = "^[0-9A-Za-z._-]{1,20}$") String version,
                             @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String title,
                             @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100_000) String text) {
    }

    /** An admin publishes a new version: from now on, each family accepts it at its next login. */
    @Operation(summary = "Publish a new CGU version (admins)")
    @org.springframework.web.bind.annotation.PostMapping("/api/identity/cgu")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('admin')")
    public CguView publish(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody NewVersion request) {
        if (versions.existsById(request.version())) {
            throw ApiProblem.conflict("version-existante", "cgu.duplicate", request.version());
        }
        CguVersion saved = versions.saveAndFlush(new CguVersion(request.version(), request.title().strip(),
                request.text().strip(), clock.instant()));
        return new CguView(saved.getVersion(), saved.getTitle(), saved.getBody(), saved.getPublishedAt());
    }

    @Operation(summary = "The current terms of use (CGU)")
    @GetMapping("/api/identity/cgu/current")
    public CguView currentView() {
        CguVersion cgu = current();
        return new CguView(cgu.getVersion(), cgu.getTitle(), cgu.getBody(), cgu.getPublishedAt());
    }
}
