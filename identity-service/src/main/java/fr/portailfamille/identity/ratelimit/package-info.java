/**
 * Sliding-window request limits kept in the database (per IP, address, account or draft), shared by
 * every replica, counted atomically (an advisory lock per bucket) on a small pool of their own; see
 * {@link fr.portailfamille.identity.ratelimit.RateLimits}.
 */
package fr.portailfamille.identity.ratelimit;
