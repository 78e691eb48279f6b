/**
 * Who may see which student's information: the prerequisite rules of ACCESS-RULES.md, the interceptor
 * that enforces them, their explanations and the audit log. Depends on no other module; it reads roster
 * facts through a port that the roster module implements.
 */
package se.klassrum.access;
