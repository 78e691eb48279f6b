/**
 * How Klassrum runs on one machine: the launcher starts the embedded PostgreSQL (unless an external
 * database is configured) and Payara Micro with the WAR, and stops both together.
 */
package se.klassrum.deploy;
