/**
 * A deliberately naive second reading of docs/ACCESS-RULES.md and a differential test that holds the
 * engine to it on random rosters. Kept in its own package so that it cannot reuse the engine's helpers.
 */
package se.klassrum.access.reference;
