/** Text rules shared by every service: blank values, accent folding (Java and SQL), SHA-256 hex. */
package fr.portailfamille.platform.text;
