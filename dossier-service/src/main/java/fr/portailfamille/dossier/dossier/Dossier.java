package fr.portailfamille.dossier.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import fr.portailfamille.platform.jpa.Audited;


/** A family file: its number (3 or 4 digits, printed on invoices), family name and contact details. */
@Entity
@Table(name = "dossier")
public class Dossier extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 4)
    private String number;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(name = "access_key_hash")
    private String accessKeyHash;

    /** The access key encrypted for billing-service's invoices (AccessKeyCipher); null for keys made before it was kept. */
    @Column(name = "access_key_ciphertext")
    private byte[] accessKeyCiphertext;


    protected Dossier() {
    }

    public Dossier(String number, String familyName, String email, String phone) {
        this.number = number;
        this.familyName = familyName;
        this.email = email;
        this.phone = phone;
    }

    /** A new access key, as its BCrypt hash (registration checks it) and its ciphertext (invoices print it). */
    void replaceAccessKey(String hash, byte[] ciphertext) {
        this.accessKeyHash = hash;
        this.accessKeyCiphertext = ciphertext;
    }

    public String getAccessKeyHash() {
        return accessKeyHash;
    }

    public void changeContactDetails(String email, String phone) {
        this.email = email;
        this.phone = phone;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
