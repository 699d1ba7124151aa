/** 256-bit random secrets (single-use link tokens, registration draft ids). */
package fr.portailfamille.identity.token;
