import type { RequestAttachment } from "../api/dossier";
import { fileSize } from "../format";

/** « Pièce jointe : attestation-caf.pdf », to download the file attached to a request (families' and agents' pages). */
export function AttachmentLink({ attachment }: { attachment: RequestAttachment }) {
  return (
    <p className="fr-mb-1w">
      <a className="fr-link fr-icon-attachment-line fr-link--icon-left" href={attachment.downloadUrl} download={attachment.fileName}>
        Pièce jointe : {attachment.fileName}
      </a>
      <span className="fr-text--xs"> ({fileSize(attachment.size)})</span>
    </p>
  );
}
