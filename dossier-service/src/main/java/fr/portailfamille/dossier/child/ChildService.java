package fr.portailfamille.dossier.child;

import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The children of a dossier. Agents add them; a family reads its own (to change something it
 * files a request, with the « Mon dossier » issue).
 */
@Service
public class ChildService {

    private final ChildRepository children;
    private final DossierService dossiers;

    public ChildService(ChildRepository children, DossierService dossiers) {
        this.children = children;
        this.dossiers = dossiers;
    }

    @Transactional
    public Child add(PortalPrincipal agent, String number, NewChild request) {
        Dossier dossier = dossiers.get(agent, number);
        List<String> activities = request.activities() == null ? List.of()
                : request.activities().stream().map(String::trim).filter(a -> !a.isEmpty()).distinct().toList();
        return children.save(new Child(dossier, request.firstName().trim(), request.lastName().trim(),
                request.birthDate(), Texts.blankToNull(request.school()), Texts.blankToNull(request.className()), activities));
    }

    @Transactional(readOnly = true)
    public List<Child> list(PortalPrincipal caller, String number) {
        dossiers.get(caller, number);
        return children.findByDossierNumberOrderByBirthDateAscFirstNameAsc(number);
    }
}
