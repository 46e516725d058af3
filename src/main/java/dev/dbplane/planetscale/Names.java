package dev.dbplane.planetscale;

/** The one naming rule of organizations, databases and branches. */
final class Names {

	static final String PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$";

	static final String RULE = "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";

	/**
	 * Free text of query parameters: anything but NUL, which PostgreSQL cannot compare.
	 */
	static final String NO_NUL = "[^\\x00]*";

	static final String NO_NUL_RULE = "must not contain NUL characters";

	private Names() {
	}

	static boolean valid(String name) {
		return name != null && name.matches(PATTERN);
	}

}
