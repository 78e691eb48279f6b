/**
 * Microsoft Graph: reads the owners and members of the Microsoft groups (Teams) connected in Klassrum and the
 * licences Microsoft assigned to the tenant's users, and writes them into the roster in one transaction per run,
 * recorded as an import run. Connecting a Microsoft group to a school is also here.
 */
package se.klassrum.roster.sync.graph;
