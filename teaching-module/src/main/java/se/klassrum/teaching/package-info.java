/**
 * What teachers, mentors and students make together: posts, assignments and submissions, assessments
 * (omdömen) and development talks (utvecklingssamtal), every one of them behind the access rules.
 */
package se.klassrum.teaching;
