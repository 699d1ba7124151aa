package fr.portailfamille.messaging.template;

import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An answer a service's agents prepared: a title to pick it by and the text, plain like every message. */
@Entity
@Table(name = "answer_template")
public class AnswerTemplate extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_code", nullable = false, updatable = false)
    private String serviceCode;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    protected AnswerTemplate() {
    }

    AnswerTemplate(String serviceCode, String title, String body) {
        this.serviceCode = serviceCode;
        this.title = title;
        this.body = body;
    }

    void change(String title, String body) {
        this.title = title;
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }
}
