package fr.portailfamille.messaging.conversation;

import fr.portailfamille.platform.uploads.StoredFile;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface MessageRepository extends JpaRepository<Message, Long> {

    /** A conversation's messages, oldest first, with their attachments. */
    @EntityGraph(attributePaths = "attachments")
    List<Message> findByConversationIdOrderByIdAsc(long conversationId);

    /** An attachment of one of the conversation's messages, or nothing. */
    @Query("select f from Message m join m.attachments f where m.conversation.id = ?1 and f.id = ?2")
    Optional<StoredFile> attachment(long conversationId, long fileId);
}
