/**
 * Teaching content as domain classes: posts, assignments and submissions, assessments (omdömen) and
 * development talks (utvecklingssamtal). Each is linked to its group and student in the roster, and keeps
 * that link when the group is archived.
 */
package se.klassrum.teaching.entity;
