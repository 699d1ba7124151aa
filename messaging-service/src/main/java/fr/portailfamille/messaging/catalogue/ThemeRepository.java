package fr.portailfamille.messaging.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ThemeRepository extends JpaRepository<Theme, Long> {

    List<Theme> findAllByOrderByIdAsc();

    @Query("select count(t) > 0 from Theme t where t.serviceCode = ?1 and lower(t.name) = lower(?2) and t.id <> ?3")
    boolean nameTakenByAnother(String serviceCode, String name, long id);
}
