package dev.dbplane.dataplane;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Names on data-plane servers. Servers are shared by every organization, so each name
 * carries a branch's public id, which is unique across them all: names cannot collide.
 * Only the characters these patterns allow ever reach SQL, besides the quoting.
 */
public final class DataPlaneNames {

	/**
	 * Prefix of every branch database; the MySQL administrative login's privileges are
	 * granted on it ({@code ps\_%}).
	 */
	public static final String DATABASE_PREFIX = "ps_";

	private static final Pattern DATABASE = Pattern.compile("^ps_[a-z0-9]{1,40}$");

	// PostgreSQL <base>.<branch id> as PlanetScale's routed usernames; MySQL 32 at most.
	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_]{1,40}(\\.[a-z0-9]{1,20})?$");

	private static final Pattern BRANCH_ID = Pattern.compile("^[a-z0-9]{1,40}$");

	private static final Pattern BASE = Pattern.compile("^[a-z0-9_]{1,40}$");

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private DataPlaneNames() {
	}

	/** The database of a branch: {@code ps_<branch id>}. */
	public static String branchDatabase(String branchId) {
		if (!BRANCH_ID.matcher(branchId).matches()) {
			throw new IllegalArgumentException("A branch id is 1 to 40 lowercase letters and digits");
		}
		return DATABASE_PREFIX + branchId;
	}

	/**
	 * A PostgreSQL login as PlanetScale names them: {@code <base>.<branch id>}, e.g.
	 * {@code postgres.<branch id>} for a branch's default role.
	 */
	public static String postgresUsername(String base, String branchId) {
		if (!BASE.matcher(base).matches() || !BRANCH_ID.matcher(branchId).matches() || branchId.length() > 20) {
			throw new IllegalArgumentException("Not a PostgreSQL username base and branch id: " + base);
		}
		return base + "." + branchId;
	}

	/**
	 * The branch a PostgreSQL login belongs to, from its {@code .<branch id>} suffix;
	 * {@code null} for a login of no branch.
	 */
	static String branchOfPostgresUsername(String username) {
		if (username == null || !USERNAME.matcher(username).matches() || username.indexOf('.') < 0) {
			return null;
		}
		return username.substring(username.indexOf('.') + 1);
	}

	/** A fresh MySQL username: 20 random lowercase letters and digits. */
	public static String mysqlUsername() {
		return random(20);
	}

	/** {@code n} random lowercase letters and digits. */
	public static String random(int n) {
		var chars = new char[n];
		for (int i = 0; i < n; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

	static String requireDatabase(String database) {
		if (database == null || !DATABASE.matcher(database).matches()) {
			throw new IllegalArgumentException("Not a branch database name: " + database);
		}
		return database;
	}

	static String requireUsername(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("Not a data-plane username: " + username);
		}
		return username;
	}

}
