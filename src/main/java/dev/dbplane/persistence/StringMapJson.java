package dev.dbplane.persistence;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A string map stored in a {@code jsonb} column as JSON text. The attribute also needs
 * {@code @Column(columnDefinition = "jsonb")} and {@code @ColumnTransformer(write =
 * "?::jsonb")}: Hibernate then binds text and PostgreSQL casts it. A plain mapper, not
 * the HTTP one: what is stored does not depend on the input rules of requests. This keeps
 * Hibernate's own JSON support (which picks whichever Jackson it finds first, and both
 * are on the class path) out of what is stored.
 */
@Converter
public final class StringMapJson implements AttributeConverter<Map<String, String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final ObjectReader READER = JSON.readerFor(STRING_MAP);

	private static final ObjectWriter WRITER = JSON.writerFor(STRING_MAP);

	/**
	 * The JSON text of {@code map}, for a {@code ?::jsonb} parameter of hand-written SQL
	 * too.
	 */
	public static String json(Map<String, String> map) {
		return WRITER.writeValueAsString(map);
	}

	/** The map a {@code jsonb} column's text holds. */
	public static Map<String, String> map(String json) {
		return READER.readValue(json);
	}

	@Override
	public String convertToDatabaseColumn(Map<String, String> attribute) {
		return json((attribute != null) ? attribute : Map.of());
	}

	@Override
	public Map<String, String> convertToEntityAttribute(String dbData) {
		return (dbData != null) ? map(dbData) : Map.of();
	}

}
