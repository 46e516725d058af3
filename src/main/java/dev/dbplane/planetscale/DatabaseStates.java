package dev.dbplane.planetscale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Lifecycle states as the tables spell them, for the JPA-mapped branches. */
@Converter
class DatabaseStates implements AttributeConverter<DatabaseState, String> {

	@Override
	public String convertToDatabaseColumn(DatabaseState state) {
		return (state != null) ? state.wire() : null;
	}

	@Override
	public DatabaseState convertToEntityAttribute(String column) {
		return (column != null) ? DatabaseState.of(column) : null;
	}

}
