/** What the teaching boundaries share: the caller as a person, the clock, and lookups that fail as 404. */
package se.klassrum.teaching.control;
