/** Serving the web app (single-page fallback, caching of assets) and the portal's names for its header. */
package fr.portailfamille.gateway.web;
