package fr.portailfamille.dossier.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request as a family files it: its kind and what it asks (a file may come with it). */
public record NewRequest(@NotNull RequestType type, @NotBlank @Size(max = 4000) String description) {
}
