package fr.portailfamille.identity.registration;

/** Step 2, « Références dossier »: the dossier's number, access key and family name as printed on the invoice. */
public record PrintedReference(String dossierNumber, String accessKey, String familyName) {
}
