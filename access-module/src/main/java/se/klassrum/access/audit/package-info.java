/**
 * The audit log: every access decision on student data, allowed or denied, as one tamper-evident hash
 * chain per tenant. It records who, when, which student and kind of data, and the outcome — never the
 * data itself.
 */
package se.klassrum.access.audit;
