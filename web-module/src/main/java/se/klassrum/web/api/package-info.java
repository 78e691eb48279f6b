/**
 * The integration API, version 1, under {@code /api/v1}: thin JAX-RS resources that validate input and
 * delegate to the guarded boundaries, and the mapping of every refusal to an RFC 9457 problem.
 */
package se.klassrum.web.api;
