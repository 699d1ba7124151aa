/**
 * The terms of use (CGU): versions, the one in force, publication by an admin, each user's acceptances,
 * and the gate's question ({@code GET /api/identity/me/cgu}, « must I accept first? »), which the
 * gateway asks before a family's call to another service (docs/adr/008-cgu-gate.md).
 */
package fr.portailfamille.identity.cgu;
