/**
 * The pure access decision engine: given a question, a snapshot of roster facts and today's date, it
 * decides allow or deny and explains every path. No I/O and no container, so it is cheap to call on
 * every request and easy to test exhaustively.
 */
package se.klassrum.access.control;
