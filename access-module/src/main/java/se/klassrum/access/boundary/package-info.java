/**
 * Where the rules meet the running application: the guard that decides, audits and refuses before a
 * business method runs, the interceptor that applies it to every {@code @StudentData} method, and the
 * explanations of decisions for the person concerned and their school's administrators.
 */
package se.klassrum.access.boundary;
