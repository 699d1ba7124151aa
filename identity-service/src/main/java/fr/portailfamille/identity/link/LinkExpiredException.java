package fr.portailfamille.identity.link;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The one answer to a link that cannot be used, whatever the reason (unknown, expired, already used,
 * retired by a newer one, its account gone): 410 « Ce lien est expiré ou a déjà été utilisé. ».
 */
public class LinkExpiredException extends ApiProblem {

    public LinkExpiredException() {
        super(HttpStatus.GONE, "lien-expire", "link.expired");
    }
}
