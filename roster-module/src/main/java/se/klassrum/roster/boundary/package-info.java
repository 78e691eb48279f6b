/**
 * The transactional entry points for changing the roster. Callers pass ids, get ids back, and see a refused
 * change as a coded {@link se.klassrum.roster.entity.RosterException} after which nothing has been written.
 */
package se.klassrum.roster.boundary;
