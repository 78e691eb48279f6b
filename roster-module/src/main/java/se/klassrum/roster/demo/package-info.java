/**
 * Fictional demo data in which every access prerequisite is met for someone and missing for someone else,
 * with fixed ids ({@link se.klassrum.roster.demo.DemoIds}) and dates relative to today.
 */
package se.klassrum.roster.demo;
