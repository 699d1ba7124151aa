package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A guardian (responsable légal) of a dossier. Agents record who they are; the family keeps their
 * contact details (address, phones, e-mail) up to date itself.
 */
@Entity
@Table(name = "guardian")
public class Guardian extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Civility civility;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String email;

    @Column(name = "mobile_phone")
    private String mobilePhone;

    @Column(name = "home_phone")
    private String homePhone;

    @Column(name = "work_phone")
    private String workPhone;

    @Column(name = "address_line1")
    private String addressLine1;

    @Column(name = "address_line2")
    private String addressLine2;

    private String postcode;

    private String city;

    protected Guardian() {
    }

    public Guardian(Dossier dossier, int position, Civility civility, String firstName, String lastName) {
        this.dossier = dossier;
        this.position = position;
        this.civility = civility;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    /** Contact details as normalised ({@link ContactDetails#normalised()}: phones in E.164, a whole address or none). */
    public void changeContact(ContactDetails contact) {
        this.email = contact.email();
        this.mobilePhone = contact.mobilePhone();
        this.homePhone = contact.homePhone();
        this.workPhone = contact.workPhone();
        this.addressLine1 = contact.addressLine1();
        this.addressLine2 = contact.addressLine2();
        this.postcode = contact.postcode();
        this.city = contact.city();
    }

    public ContactDetails contact() {
        return new ContactDetails(email, mobilePhone, homePhone, workPhone, addressLine1, addressLine2, postcode, city);
    }

    /** Guardian 1 is the dossier's contact: the portal writes to its e-mail. */
    public boolean isDossierContact() {
        return position == 1;
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public int getPosition() {
        return position;
    }

    public Civility getCivility() {
        return civility;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }
}
