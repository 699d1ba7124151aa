/** What the controllers share about the HTTP request: the caller's IP address as the gateway saw it. */
package fr.portailfamille.identity.web;
