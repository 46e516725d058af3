package dev.dbplane.planetscale;

import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists and maps of branches and credentials, stored as JSON text: only dbplane reads
 * them, always whole, so they need no columns of their own.
 */
final class JsonText {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonText() {
	}

	@Converter
	static final class Strings implements AttributeConverter<List<String>, String> {

		@Override
		public String convertToDatabaseColumn(List<String> value) {
			return (value != null) ? JSON.writeValueAsString(value) : null;
		}

		@Override
		public List<String> convertToEntityAttribute(String column) {
			return (column != null) ? List.copyOf(JSON.readValue(column, new TypeReference<List<String>>() {
			})) : null;
		}

	}

	/**
	 * PostgreSQL parameters by namespace: {@code {"pgconf": {"max_connections": "200"}}}.
	 */
	@Converter
	static final class Parameters implements AttributeConverter<Map<String, Map<String, String>>, String> {

		@Override
		public String convertToDatabaseColumn(Map<String, Map<String, String>> value) {
			return (value != null) ? JSON.writeValueAsString(value) : null;
		}

		@Override
		public Map<String, Map<String, String>> convertToEntityAttribute(String column) {
			return (column != null) ? JSON.readValue(column, new TypeReference<Map<String, Map<String, String>>>() {
			}) : null;
		}

	}

}
