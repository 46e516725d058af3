package dev.dbplane.planetscale;

import jakarta.persistence.AttributeConverter;

/**
 * The two kinds of database PlanetScale runs, spelled as on the wire and in the tables.
 */
enum Engine {

	MYSQL("mysql"), POSTGRESQL("postgresql");

	private final String wire;

	Engine(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	/** The engine spelled {@code value}, or null. */
	static Engine of(String value) {
		for (var engine : values()) {
			if (engine.wire.equals(value)) {
				return engine;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return this.wire;
	}

	/** The column form: the wire spelling. */
	static final class Column implements AttributeConverter<Engine, String> {

		@Override
		public String convertToDatabaseColumn(Engine engine) {
			return (engine != null) ? engine.wire : null;
		}

		@Override
		public Engine convertToEntityAttribute(String column) {
			return Engine.of(column);
		}

	}

}
