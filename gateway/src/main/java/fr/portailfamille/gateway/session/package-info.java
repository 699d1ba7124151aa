/** The browser session: its absolute lifetime, in memory or in Redis. */
package fr.portailfamille.gateway.session;
