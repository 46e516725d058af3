package dev.dbplane.planetscale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * PlanetScale's timestamps: RFC 3339 in UTC with milliseconds, such as
 * {@code 2026-11-22T10:19:23.000Z}. Written per field rather than through the shared JSON
 * configuration, because the Harness family writes epoch seconds. In the tables they are
 * {@code timestamptz}, exchanged as UTC offsets so the JVM's time zone plays no part.
 */
final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

	/** A {@code timestamptz} column, or null. */
	static Instant read(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** A parameter for a {@code timestamptz} column. */
	static OffsetDateTime column(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
