/**
 * The web pages' backing beans (Jakarta Faces, one bean per view, named after it). They call only the guarded
 * boundaries of the modules, as the integration API does, and never the database; a denial is shown with the
 * messages of its missing prerequisites.
 */
package se.klassrum.web.pages;
