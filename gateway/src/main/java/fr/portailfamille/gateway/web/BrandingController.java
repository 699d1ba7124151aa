package fr.portailfamille.gateway.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's names for the web app (public). */
@RestController
public class BrandingController {

    private final BrandingProperties branding;

    public BrandingController(BrandingProperties branding) {
        this.branding = branding;
    }

    @GetMapping("/api/portal")
    public BrandingProperties portal() {
        return branding;
    }
}
