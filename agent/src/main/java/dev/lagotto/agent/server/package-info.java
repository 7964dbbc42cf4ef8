/**
 * {@code lagotto serve}: the central index's HTTP API (ingest, search, facets, data-subject lookup,
 * export, host deletion, enrolment, health and metrics) on the JDK's embedded HTTP server, with bearer
 * token roles, the site fingerprint key and scheduled retention. Storage lives in {@code server.store}.
 */
package dev.lagotto.agent.server;
