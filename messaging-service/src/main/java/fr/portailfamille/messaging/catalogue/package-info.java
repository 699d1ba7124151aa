/** The catalogue families write to: the authority's services and their themes, managed by admins (add, rename, retire); who belongs to which service. */
package fr.portailfamille.messaging.catalogue;
