/** Changing an account's e-mail: asked with the password, applied once the new address opens its 24-hour link. */
package fr.portailfamille.identity.email;
