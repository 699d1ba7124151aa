package fr.portailfamille.messaging.template;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface AnswerTemplateRepository extends JpaRepository<AnswerTemplate, Long> {

    @Query("select t from AnswerTemplate t where t.serviceCode = ?1 order by lower(t.title), t.id")
    List<AnswerTemplate> ofService(String serviceCode);
}
