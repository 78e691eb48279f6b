/**
 * What every request stands on: the database chosen by configuration, the schema migrations that run
 * before the application serves anyone, the demo data of the default run, and the health checks that
 * tell a load balancer whether this node can serve.
 */
package se.klassrum.web.platform;
