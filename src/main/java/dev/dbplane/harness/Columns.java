package dev.dbplane.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * How the Harness tables' values cross JDBC, both ways.
 * <ul>
 * <li>Timestamps are {@code timestamptz} in UTC, bound and read as
 * {@link OffsetDateTime}.</li>
 * <li>The jsonb string maps ({@code tags}, {@code substitute_properties}) are JSON text
 * for a {@code ?::jsonb} parameter, read back from the column's text. A plain mapper:
 * what is stored does not depend on the HTTP input rules.</li>
 * <li>A nullable text is bound with its type, because an untyped null makes Spring ask
 * the driver for the parameter's type, a round trip of its own.</li>
 * </ul>
 */
final class Columns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final ObjectReader MAP_READER = JSON.readerFor(STRING_MAP);

	private static final ObjectWriter MAP_WRITER = JSON.writerFor(STRING_MAP);

	private Columns() {
	}

	static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	static String json(Map<String, String> map) {
		return MAP_WRITER.writeValueAsString(map);
	}

	static Map<String, String> stringMap(ResultSet rs, String column) throws SQLException {
		return MAP_READER.readValue(rs.getString(column));
	}

}
