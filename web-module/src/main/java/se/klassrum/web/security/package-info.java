/**
 * Who is calling: the MicroProfile JWT of an integration or a signed-in person, mapped to a person or an
 * application of a tenant for the access rules.
 */
package se.klassrum.web.security;
