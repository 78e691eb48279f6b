/**
 * The WAR: the entry points of Klassrum (the integration API under {@code /api}, later the web pages),
 * the one persistence unit and the configuration that ties the modules together.
 */
package se.klassrum.web;
