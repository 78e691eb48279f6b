/**
 * What the guardian boundaries share: the settings of e-mail sign-in, the mail that carries a one-time code and
 * its delivery after the transaction commits, and the database locks that make the rate limits hold across nodes.
 */
package se.klassrum.guardian.control;
