package dev.dbplane.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamptz} columns exchanged as UTC offsets, so that the JVM's time zone plays
 * no part in what is stored or read back.
 */
public final class TimestampColumns {

	private TimestampColumns() {
	}

	/** A parameter for a {@code timestamptz} column, or null. */
	public static OffsetDateTime timestamptz(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A {@code timestamptz} column, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** A {@code timestamptz} column, or null. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
