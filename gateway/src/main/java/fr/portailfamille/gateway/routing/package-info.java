/** Routes from /api/<service>/** to each service, their timeouts and circuit breakers, and the 503 answer when a service is down. */
package fr.portailfamille.gateway.routing;
