package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the authority's services families write to (« Service Jeunesse »). Called a department in
 * the code so that « service » keeps its Spring meaning; the API calls it a service. Its code is the
 * value agents carry in their {@code services} claim ({@code jeunesse}) and never changes; its name
 * may. Retired (not active), it stays readable in old conversations and is refused for new ones.
 */
@Entity
@Table(name = "department")
public class Department extends Audited {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    protected Department() {
    }

    Department(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void change(String name, boolean active) {
        this.name = name;
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
