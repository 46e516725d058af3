package dev.dbplane.planetscale;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * Lifecycle states of a database, spelled on the wire and in the table as PlanetScale
 * does ({@code pending}, {@code ready}...). dbplane moves databases from pending to
 * ready; the other values are listed so that a stored row may carry them.
 */
enum DatabaseState {

	PENDING, IMPORTING, SLEEP_IN_PROGRESS, SLEEPING, AWAKENING, IMPORT_READY, READY;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The state spelled {@code value} in the table. */
	static DatabaseState of(String value) {
		return DatabaseState.valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** The column form: the wire spelling. */
	static final class Column implements AttributeConverter<DatabaseState, String> {

		@Override
		public String convertToDatabaseColumn(DatabaseState state) {
			return (state != null) ? state.wire() : null;
		}

		@Override
		public DatabaseState convertToEntityAttribute(String column) {
			return (column != null) ? DatabaseState.of(column) : null;
		}

	}

}
