/**
 * The entry points of teaching content: every public method touches student data and goes through the
 * access rules ({@code @StudentData}); the transaction starts here.
 */
package se.klassrum.teaching.boundary;
