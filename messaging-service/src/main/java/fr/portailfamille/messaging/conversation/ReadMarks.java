package fr.portailfamille.messaging.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What each reader (a family account or an agent, by the token's subject) has read of a conversation:
 * the id of the newest message it had when they opened or wrote in it. A conversation is unread for a
 * family account when the service wrote after that, for an agent when the family did.
 */
@Component
class ReadMarks {

    private final JdbcClient jdbc;

    ReadMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void readUpTo(long conversationId, String reader, long messageId, Instant at) {
        jdbc.sql("""
                        insert into conversation_read (conversation_id, reader, read_message_id, read_at)
                        values (:conversation, :reader, :message, :at)
                        on conflict (conversation_id, reader) do update
                        set read_message_id = greatest(conversation_read.read_message_id, excluded.read_message_id),
                            read_at = excluded.read_at""")
                .param("conversation", conversationId)
                .param("reader", reader)
                .param("message", messageId)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** « Marquer comme non lu »: as if the reader had never opened it. */
    void forget(long conversationId, String reader) {
        jdbc.sql("delete from conversation_read where conversation_id = ? and reader = ?")
                .params(conversationId, reader)
                .update();
    }
}
