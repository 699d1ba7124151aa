package fr.portailfamille.notification.delivery;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

public interface MailDeliveryRepository extends JpaRepository<MailDelivery, Long> {

    Optional<MailDelivery> findByEventId(UUID eventId);
}
