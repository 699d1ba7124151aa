package fr.portailfamille.identity.registration;

/**
 * Step 1, « Informations personnelles », as the family typed it (checked and normalised by
 * {@link RegistrationService}); a blank username means the e-mail is the identifiant, a blank
 * password on a later change keeps the one already given.
 */
public record PersonalDetails(Registration.Civility civility, String lastName, String firstName, String email,
                              String phone, String username, String password, String passwordConfirmation) {
}
