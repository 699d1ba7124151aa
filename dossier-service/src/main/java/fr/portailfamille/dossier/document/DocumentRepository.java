package fr.portailfamille.dossier.document;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface DocumentRepository extends JpaRepository<Document, Long> {

    List<Document> findByDossierNumberOrderByPublishedAtDescIdDesc(String number);

    boolean existsByExternalRef(String externalRef);
}
