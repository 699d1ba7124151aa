package fr.portailfamille.dossier.child;

import fr.portailfamille.dossier.dossier.Dossier;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import fr.portailfamille.platform.jpa.Audited;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A child of a dossier: who, born when, which school and class, which activities. */
@Entity
@Table(name = "child")
public class Child extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    private String school;

    @Column(name = "class_name")
    private String className;

    @ElementCollection
    @CollectionTable(name = "child_activity", joinColumns = @JoinColumn(name = "child_id"))
    @OrderColumn(name = "position")
    @Column(name = "activity", nullable = false)
    private List<String> activities = new ArrayList<>();


    protected Child() {
    }

    public Child(Dossier dossier, String firstName, String lastName, LocalDate birthDate, String school,
                 String className, List<String> activities) {
        this.dossier = dossier;
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.school = school;
        this.className = className;
        this.activities = new ArrayList<>(activities);
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getSchool() {
        return school;
    }

    public String getClassName() {
        return className;
    }

    public List<String> getActivities() {
        return List.copyOf(activities);
    }
}
