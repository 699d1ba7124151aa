package fr.portailfamille.identity.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The family's IP address as the gateway saw it (first X-Forwarded-For entry: services are reached
 * only through the gateway), else the connection's.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].strip();
            return first.length() > 64 ? first.substring(0, 64) : first;
        }
        return request.getRemoteAddr();
    }
}
