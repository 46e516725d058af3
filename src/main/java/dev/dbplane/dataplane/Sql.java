package dev.dbplane.dataplane;

/** Quoting of identifiers for the two servers' SQL. */
final class Sql {

	private Sql() {
	}

	/** A PostgreSQL identifier: double quotes, doubled inside. */
	static String pg(String identifier) {
		requirePrintable(identifier);
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** A PostgreSQL string literal (standard_conforming_strings is on since 9.1). */
	static String pgLiteral(String value) {
		requirePrintable(value);
		return "'" + value.replace("'", "''") + "'";
	}

	/** A MySQL identifier: backticks, doubled inside. */
	static String my(String identifier) {
		requirePrintable(identifier);
		return "`" + identifier.replace("`", "``") + "`";
	}

	/**
	 * A MySQL database name in GRANT, where {@code _} and {@code %} are wildcards unless
	 * escaped.
	 */
	static String myGrantDatabase(String database) {
		return my(database.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%"));
	}

	/** A MySQL account {@code 'user'@'%'}. */
	static String myAccount(String username) {
		requirePrintable(username);
		if (username.contains("'") || username.contains("\\")) {
			throw new IllegalArgumentException("Not a MySQL username");
		}
		return "'" + username + "'@'%'";
	}

	private static void requirePrintable(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new IllegalArgumentException("Control character in an SQL name");
			}
		}
	}

}
