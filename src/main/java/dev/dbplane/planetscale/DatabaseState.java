package dev.dbplane.planetscale;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

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

	@Converter(autoApply = true)
	static class Column implements AttributeConverter<DatabaseState, String> {

		@Override
		public String convertToDatabaseColumn(DatabaseState state) {
			return (state != null) ? state.wire() : null;
		}

		@Override
		public DatabaseState convertToEntityAttribute(String value) {
			return (value != null) ? DatabaseState.valueOf(value.toUpperCase(Locale.ROOT)) : null;
		}

	}

}
