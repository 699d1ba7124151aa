package fr.portailfamille.messaging.inbox;

import java.util.List;

/** One page of a listing, as dossier-service's search pages: the items, the page asked (from 0), its size, the total. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
