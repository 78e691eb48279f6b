/**
 * Keeps a tenant's roster in step with its student register through the register's SS 12000 API: each sync
 * reads what changed, applies it to the last snapshot of the register, and imports the whole snapshot through
 * the roster import (se.klassrum.roster.importer), so that only the differences are written, all or nothing.
 */
package se.klassrum.roster.sync;
