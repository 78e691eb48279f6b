/**
 * The entry points of guardian sign-in: asking for and checking a one-time code sent by e-mail, and the
 * organiser's choice of sign-in methods. None of them touches student data ({@code @NoStudentData}); the
 * transaction starts here.
 */
package se.klassrum.guardian.boundary;
