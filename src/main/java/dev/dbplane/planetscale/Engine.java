package dev.dbplane.planetscale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The two kinds of database PlanetScale runs, spelled as on the wire. */
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

	@Converter(autoApply = true)
	static class Column implements AttributeConverter<Engine, String> {

		@Override
		public String convertToDatabaseColumn(Engine engine) {
			return (engine != null) ? engine.wire : null;
		}

		@Override
		public Engine convertToEntityAttribute(String value) {
			return (value != null) ? of(value) : null;
		}

	}

}
