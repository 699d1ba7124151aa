package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A theme of a request to one service (« Inscriptions »); retired like a service. */
@Entity
@Table(name = "theme")
public class Theme extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_code", nullable = false, updatable = false)
    private String serviceCode;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    protected Theme() {
    }

    Theme(String serviceCode, String name) {
        this.serviceCode = serviceCode;
        this.name = name;
    }

    void change(String name, boolean active) {
        this.name = name;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
