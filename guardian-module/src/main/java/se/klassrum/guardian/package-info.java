/**
 * The guardian portal: guardian accounts, their login (identity provider or e-mail code) and a guardian's
 * view of their children, always through the guarded services of the teaching module.
 */
package se.klassrum.guardian;
