/** Sliding-window request limits kept in the database (per IP, address or account), shared by every replica. */
package fr.portailfamille.identity.ratelimit;
