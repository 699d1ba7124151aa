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

    @Operation(summary = "The current terms of use (CGU)")
    @GetMapping("/api/identity/cgu/current")
    public CguView currentView() {
        CguVersion cgu = current();
        return new CguView(cgu.getVersion(), cgu.getTitle(), cgu.getBody(), cgu.getPublishedAt());
    }
}
