package fr.portailfamille.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * A family account that wrote in a conversation, with the e-mail its token carried at its latest
 * message: where MessageReplied tells the family an answer is waiting (README « Family e-mails »).
 */
@Embeddable
public class FamilyContact {

    @Column(name = "account_subject", nullable = false)
    private String accountSubject;

    private String email;

    @Column(nullable = false)
    private String name;

    @Column(name = "last_written_at", nullable = false)
    private Instant lastWrittenAt;

    protected FamilyContact() {
    }

    FamilyContact(String accountSubject, String email, String name, Instant lastWrittenAt) {
        this.accountSubject = accountSubject;
        this.email = email;
        this.name = name;
        this.lastWrittenAt = lastWrittenAt;
    }

    /** Wrote again: the latest address wins (an address changed in « Mon compte »); none in the token keeps the known one. */
    void wroteAgain(String email, String name, Instant at) {
        if (email != null && !email.isBlank()) {
            this.email = email;
        }
        this.name = name;
        this.lastWrittenAt = at;
    }

    public String getAccountSubject() {
        return accountSubject;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public Instant getLastWrittenAt() {
        return lastWrittenAt;
    }
}
