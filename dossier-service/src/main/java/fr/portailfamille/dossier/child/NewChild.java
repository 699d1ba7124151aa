package fr.portailfamille.dossier.child;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A child as an agent records it: who, born when, which school and class, which activities. */
public record NewChild(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @Past LocalDate birthDate,
        @Size(max = 200) String school,
        @Size(max = 50) String className,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> activities) {
}
