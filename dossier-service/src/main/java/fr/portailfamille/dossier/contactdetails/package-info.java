/** Contact details' building blocks, used by every feature and depending on none: phone numbers (E.164), French postcodes, a guardian's contact details and the whole-address rule. */
package fr.portailfamille.dossier.contactdetails;
