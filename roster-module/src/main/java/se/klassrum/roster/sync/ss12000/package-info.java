/**
 * A client of the SS 12000 v2.1 API of a student register (the Swedish standard, specified by
 * shared/standards/ss12000/openapi_ss12000_version2_1_0.yaml): it reads organisations, persons, placements,
 * duties, groups, activities, syllabuses and deleted entities page by page, in full or changed after a time,
 * with a bearer token, retrying throttled and failing answers with back-off.
 */
package se.klassrum.roster.sync.ss12000;
