package fr.portailfamille.identity.cgu;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One user's acceptance of one CGU version (version, time, IP). */
@Entity
@Table(name = "cgu_acceptance")
public class CguAcceptance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "keycloak_user_id", nullable = false)
    private String keycloakUserId;

    @Column(nullable = false)
    private String version;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "accepted_ip")
    private String acceptedIp;

    protected CguAcceptance() {
    }

    CguAcceptance(String keycloakUserId, String version, Instant acceptedAt, String acceptedIp) {
        this.keycloakUserId = keycloakUserId;
        this.version = version;
        this.acceptedAt = acceptedAt;
        this.acceptedIp = acceptedIp;
    }

    public String getVersion() {
        return version;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
