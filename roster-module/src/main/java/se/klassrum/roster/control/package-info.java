/**
 * Procedures the boundary needs that belong to no single entity, such as explaining a database
 * constraint violation as a coded roster error.
 */
package se.klassrum.roster.control;
