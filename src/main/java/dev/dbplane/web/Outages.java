package dev.dbplane.web;

/**
 * Tells which failures mean that something dbplane depends on is down, so that the
 * request gets 503 in its family's shape (retry later) instead of a 500. The web edge
 * knows no persistence code: the persistence package says what an outage of PostgreSQL
 * looks like.
 */
@FunctionalInterface
public interface Outages {

	/** Whether {@code failure}, or anything it wraps, is an outage. */
	boolean isOutage(Throwable failure);

}
