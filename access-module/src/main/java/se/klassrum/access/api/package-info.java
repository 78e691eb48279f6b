/**
 * The published API of the access rules: the question (who wants to do what with which student's
 * data), the facts snapshot the rules read, and the decision with its explanation per path. Other
 * modules depend on this package only.
 */
package se.klassrum.access.api;
