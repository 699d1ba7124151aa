package fr.portailfamille.messaging.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends to change the catalogue. */
public final class CatalogueChange {

    private CatalogueChange() {
    }

    /** A new service: its code (the agents' {@code services} claim value) and its name. */
    public record NewDepartment(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "{catalogue.code.format}") String code,
            @NotBlank @Size(max = 100) String name) {
    }

    /** A new theme of a service. */
    public record NewTheme(@NotBlank @Size(max = 100) String name) {
    }

    /** Rename, retire ({@code active: false}) or bring back a service or a theme. */
    public record Change(@NotBlank @Size(max = 100) String name, @NotNull Boolean active) {
    }
}
