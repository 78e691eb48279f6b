/**
 * Roster import from files: Microsoft School Data Sync CSV (v2.1 and v1) and 1EdTech OneRoster CSV (1.1 and
 * 1.2). Each format has a reader that turns a folder of files into a {@link se.klassrum.roster.importer.RosterSet},
 * the roster the files describe, listing every problem as {@code file:line: message}. The
 * {@link se.klassrum.roster.importer.Planner} compares that set with the tenant's roster, loaded once in bulk, and
 * the {@link se.klassrum.roster.importer.PlanWriter} writes only the differences, in chunks, in one transaction.
 * {@link se.klassrum.roster.importer.RosterImporter} runs the whole and records it as an
 * {@link se.klassrum.roster.entity.ImportRun}. A roster that does not come from files (a student register's
 * SS 12000 API, read by se.klassrum.roster.sync) takes the same path as a {@link se.klassrum.roster.importer.RosterSource}.
 * The mapping is documented in roster-module/IMPORT.md.
 */
package se.klassrum.roster.importer;
