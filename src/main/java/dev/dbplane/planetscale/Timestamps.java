package dev.dbplane.planetscale;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * PlanetScale's timestamps: RFC 3339 in UTC with milliseconds, such as
 * {@code 2026-11-22T10:19:23.000Z}. Written per field rather than through the shared JSON
 * configuration, because the Harness family writes epoch seconds.
 */
final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

}
