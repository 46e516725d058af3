package dev.dbplane.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A string list stored in a {@code jsonb} column as JSON text, as {@link StringMapJson}
 * does for maps (and with the same column annotations).
 */
@Converter
public final class StringListJson implements AttributeConverter<List<String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private static final ObjectReader READER = JSON.readerFor(STRING_LIST);

	private static final ObjectWriter WRITER = JSON.writerFor(STRING_LIST);

	/**
	 * The JSON text of {@code list}, for a {@code ?::jsonb} parameter of hand-written SQL
	 * too.
	 */
	public static String json(List<String> list) {
		return WRITER.writeValueAsString(list);
	}

	@Override
	public String convertToDatabaseColumn(List<String> attribute) {
		return json((attribute != null) ? attribute : List.of());
	}

	@Override
	public List<String> convertToEntityAttribute(String dbData) {
		return (dbData != null) ? List.copyOf(READER.<List<String>>readValue(dbData)) : List.of();
	}

}
