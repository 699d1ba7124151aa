package fr.portailfamille.identity.cgu;

import fr.portailfamille.platform.security.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
public class CguController {

    private final CguService cgu;

    public CguController(CguService cgu) {
        this.cgu = cgu;
    }

    public record CguView(String version, String title, String text, Instant publishedAt) {

        static CguView of(CguVersion cgu) {
            return new CguView(cgu.getVersion(), cgu.getTitle(), cgu.getBody(), cgu.getPublishedAt());
        }
    }

    public record NewVersion(@NotBlank @Pattern(regexp = "^[0-9A-Za-z._-]{1,20}$") String version,
                             @NotBlank @Size(max = 200) String title,
                             @NotBlank @Size(max = 100_000) String text) {
    }

    /** An admin publishes a new version: from now on, each family accepts it at its next login. */
    @Operation(summary = "Publish a new CGU version (admins)")
    @PostMapping("/api/identity/cgu")
    @ResponseStatus(HttpStatus.CREATED)
    @AdminOnly
    public CguView publish(@Valid @RequestBody NewVersion request) {
        return CguView.of(cgu.publish(request.version(), request.title(), request.text()));
    }

    /** The terms in force now (public: read before registering). */
    @Operation(summary = "The current terms of use (CGU)")
    @GetMapping("/api/identity/cgu/current")
    public CguView currentView() {
        return CguView.of(cgu.current());
    }
}
