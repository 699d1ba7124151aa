/**
 * Who is calling, network-wise: the client address decided once, from the connection and the
 * {@code X-Forwarded-For} written by trusted proxies only, and passed to the services in
 * {@code X-Portal-Client-Address}, which the gateway always overwrites (docs/adr/007-client-address.md).
 */
package fr.portailfamille.gateway.clientaddress;
