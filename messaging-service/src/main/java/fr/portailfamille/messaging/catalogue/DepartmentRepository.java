package fr.portailfamille.messaging.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface DepartmentRepository extends JpaRepository<Department, String> {

    List<Department> findAllByOrderByNameAsc();

    @Query("select count(d) > 0 from Department d where lower(d.name) = lower(?1) and d.code <> ?2")
    boolean nameTakenByAnother(String name, String code);
}
