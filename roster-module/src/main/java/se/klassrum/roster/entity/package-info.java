/**
 * The roster's domain: tenants, schools, people, licences, school roles, groups, memberships, subjects,
 * syllabi, guardian links and guardians' logins to the guardian portal. These JPA entities are the domain
 * classes: they guard their own rules (same tenant, valid periods, archived groups stay archived) and need
 * no container to be tested.
 */
package se.klassrum.roster.entity;
