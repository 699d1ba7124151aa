/**
 * The secrets policy at start-up (issue 13, item 4; docs/adr/010-secrets-policy.md). Every value a
 * process ships with is public (it is in this repository): fine on a developer's machine, never in a
 * deployment. Outside the profile {@code local} (which {@code deploy/local/run}, the browser journeys
 * and the services' tests use), a process refuses to start when a secret it lists under
 * {@code portal.startup-checks.secrets} still has its shipped value or none, or when a setting under
 * {@code portal.startup-checks.must-be-true} (the Secure flag of the session cookie) is not true, and
 * names every variable to set in one message.
 */
package fr.portailfamille.platform.startupchecks;
