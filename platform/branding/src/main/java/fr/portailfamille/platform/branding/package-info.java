/** The portal's and the authority's names ({@code portal.branding}), one meaning everywhere. */
package fr.portailfamille.platform.branding;
