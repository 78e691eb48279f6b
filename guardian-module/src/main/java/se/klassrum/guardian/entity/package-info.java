/**
 * The guardian portal's own domain: which ways of signing in each organiser allows its guardians
 * ({@link se.klassrum.guardian.entity.GuardianLoginPolicy}), the one-time codes sent by e-mail
 * ({@link se.klassrum.guardian.entity.EmailLoginCode}) and the requests for them that the rate limits count
 * ({@link se.klassrum.guardian.entity.EmailCodeRequest}). The guardians' logins themselves are roster facts
 * ({@link se.klassrum.roster.entity.GuardianLogin}). Like the roster's, these JPA entities guard their own rules
 * and need no container to be tested.
 */
package se.klassrum.guardian.entity;
