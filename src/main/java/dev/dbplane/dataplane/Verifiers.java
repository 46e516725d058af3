package dev.dbplane.dataplane;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.postgresql.util.PasswordUtil;

/**
 * What a server stores instead of a password, computed here so that no plaintext is ever
 * stored, sent in a statement or kept in a task.
 */
final class Verifiers {

	private static final Pattern SCRAM = Pattern
		.compile("^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$");

	private static final Pattern MYSQL_NATIVE = Pattern.compile("^\\*[0-9A-F]{40}$");

	private Verifiers() {
	}

	static String of(ServerKind kind, String plaintext) {
		if (plaintext == null || plaintext.isEmpty()) {
			throw new IllegalArgumentException("A login needs a password");
		}
		return (kind == ServerKind.POSTGRESQL) ? scramSha256(plaintext) : mysqlNativePassword(plaintext);
	}

	/** PostgreSQL's SCRAM-SHA-256 verifier (4096 iterations, random salt). */
	static String scramSha256(String plaintext) {
		return PasswordUtil.encodeScramSha256(plaintext.toCharArray());
	}

	/**
	 * {@code mysql_native_password}'s hash: {@code *} and SHA1(SHA1(password)) in hex.
	 */
	static String mysqlNativePassword(String plaintext) {
		try {
			var sha1 = MessageDigest.getInstance("SHA-1");
			var once = sha1.digest(plaintext.getBytes(StandardCharsets.UTF_8));
			return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}

	/**
	 * The verifier as an SQL string literal; only verifiers of the expected shape get
	 * there, so no quote can be in one.
	 */
	static String literal(ServerKind kind, String verifier) {
		var pattern = (kind == ServerKind.POSTGRESQL) ? SCRAM : MYSQL_NATIVE;
		if (!pattern.matcher(verifier).matches()) {
			throw new IllegalArgumentException("Not a " + kind + " password verifier");
		}
		return "'" + verifier + "'";
	}

}
