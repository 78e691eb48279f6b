/**
 * Procedures that belong to no single entity: explaining a database constraint violation as a coded roster
 * error, and reading the facts of an access question for the access rules
 * ({@link se.klassrum.roster.control.RosterFactsAdapter}, the roster's side of
 * {@link se.klassrum.access.api.RosterFactsPort}).
 */
package se.klassrum.roster.control;
