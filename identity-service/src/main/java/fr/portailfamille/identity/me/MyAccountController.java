package fr.portailfamille.identity.me;

import fr.portailfamille.identity.cgu.CguService;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/me")
public class MyAccountController {

    private final MyAccountService service;

    public MyAccountController(MyAccountService service) {
        this.service = service;
    }

    public record CguAcceptance(@NotBlank String version,
                                @AssertTrue(message = "{registration.cgu.read}") boolean accepted) {
    }

    public record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                                 @NotBlank @Size(max = 128) String newPassword,
                                 @Size(max = 128) String newPasswordConfirmation) {
    }

    public record Deletion(@NotBlank @Size(max = 128) String currentPassword) {
    }

    @Operation(summary = "My account: who, which CGU accepted, whether a new version must be accepted")
    @GetMapping("/account")
    public MyAccountService.AccountView account(PortalPrincipal me) {
        return service.view(me);
    }

    /**
     * Whether I must accept the CGU in force before anything else: the gateway asks it, with my own
     * token, before a family's call to another service (docs/adr/008-cgu-gate.md). Always false for
     * agents and admins.
     */
    @Operation(summary = "Whether the current CGU must be accepted first (asked by the gateway)")
    @GetMapping("/cgu")
    public CguService.GateAnswer cguGate(PortalPrincipal me) {
        return service.cguGate(me);
    }

    @Operation(summary = "Accept the current CGU (at login after a new version)")
    @PutMapping("/cgu")
    public MyAccountService.AccountView acceptCgu(PortalPrincipal me, @Valid @RequestBody CguAcceptance acceptance,
                                                  HttpServletRequest request) {
        return service.acceptCgu(me, acceptance.version(), ClientAddress.of(request));
    }

    @Operation(summary = "Change my password (the current one required); every session ends")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(PortalPrincipal me, @Valid @RequestBody PasswordChange change) {
        service.changePassword(me, change.currentPassword(), change.newPassword(), change.newPasswordConfirmation());
    }

    @Operation(summary = "Delete my account (the dossier stays)")
    @DeleteMapping("/account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(PortalPrincipal me, @Valid @RequestBody Deletion deletion) {
        service.delete(me, deletion.currentPassword());
    }
}
