package fr.portailfamille.identity.registration;

/**
 * Step 1, « Informations personnelles », as the family typed it (checked and normalised by
 * {@link RegistrationService}); a blank username means the e-mail is the identifiant, a blank
 * password on a later change keeps the one already given. {@code currentPassword}: the draft's
 * password typed again, needed to change the e-mail or the identifiant once the dossier is checked.
 */
public record PersonalDetails(Registration.Civility civility, String lastName, String firstName, String email,
                              String phone, String username, String password, String passwordConfirmation,
                              String currentPassword) {
}
