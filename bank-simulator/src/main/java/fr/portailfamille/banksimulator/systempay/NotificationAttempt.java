package fr.portailfamille.banksimulator.systempay;

import java.time.Instant;

/**
 * One call to the shop's notification URL.
 *
 * @param number     1 for the first call, then 2, 3… for the automatic retries
 * @param at         when the call started
 * @param httpStatus the shop's HTTP status, or null when no answer came (refused connection, timeout)
 * @param succeeded  whether the platform counts it as delivered
 * @param error      what went wrong when there was no answer, or null
 */
public record NotificationAttempt(int number, Instant at, Integer httpStatus, boolean succeeded, String error) {
}
