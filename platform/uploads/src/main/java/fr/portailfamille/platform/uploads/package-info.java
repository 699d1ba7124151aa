/**
 * Uploads for every service: what a file must be to be kept ({@link fr.portailfamille.platform.uploads.UploadCheck}),
 * safe names ({@link fr.portailfamille.platform.uploads.FileNames}), storage in the service's own database
 * ({@link fr.portailfamille.platform.uploads.FileStore}) and downloads as attachments
 * ({@link fr.portailfamille.platform.uploads.FileDownload}). See this module's README.
 */
package fr.portailfamille.platform.uploads;
