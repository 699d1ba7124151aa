package fr.portailfamille.messaging.conversation;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

    /** The conversation, its row locked until the transaction ends: two agents' actions happen one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = ?1")
    Optional<Conversation> lockById(long id);
}
