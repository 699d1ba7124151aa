package fr.portailfamille.gateway.web;

import fr.portailfamille.platform.branding.Branding;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's names for the web app's header and footer (public). */
@RestController
public class BrandingController {

    /** What the web app shows; the sender address of e-mails is not its business. */
    public record Portal(String portalName, String authorityName, String authorityShortName) {
    }

    private final Portal portal;

    public BrandingController(Branding branding) {
        this.portal = new Portal(branding.portalName(), branding.authorityName(), branding.authorityShortName());
    }

    @GetMapping("/api/portal")
    public Portal portal() {
        return portal;
    }
}
