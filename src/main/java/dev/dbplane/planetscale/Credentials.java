package dev.dbplane.planetscale;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import dev.dbplane.security.Secrets;

/**
 * Secrets of branch passwords and roles, and the only forms of them dbplane keeps: the
 * hashes a MySQL or PostgreSQL server creates a login from, so the data plane never needs
 * the plain text.
 */
final class Credentials {

	static final String PASSWORD_PREFIX = "pscale_pw_";

	private static final int SCRAM_ITERATIONS = 4096;

	private static final SecureRandom random = new SecureRandom();

	private Credentials() {
	}

	/** A new secret, shown once: {@code pscale_pw_} and 43 random characters. */
	static String newSecret() {
		return PASSWORD_PREFIX + Secrets.random(43);
	}

	/**
	 * mysql_native_password's stored form: {@code *} and the upper-case hex of
	 * SHA1(SHA1(secret)).
	 */
	static String mysqlNativeHash(String secret) {
		var sha1 = sha("SHA-1");
		var once = sha1.digest(secret.getBytes(StandardCharsets.UTF_8));
		return "*" + HexFormat.of().withUpperCase().formatHex(sha("SHA-1").digest(once));
	}

	/**
	 * PostgreSQL's SCRAM-SHA-256 verifier of {@code secret} (RFC 5802 and 7677), as
	 * {@code CREATE ROLE ... PASSWORD} accepts it:
	 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}.
	 */
	static String scramSha256Verifier(String secret) {
		var salt = new byte[16];
		random.nextBytes(salt);
		return scramSha256Verifier(secret, salt);
	}

	static String scramSha256Verifier(String secret, byte[] salt) {
		try {
			var factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
			var salted = factory.generateSecret(new PBEKeySpec(secret.toCharArray(), salt, SCRAM_ITERATIONS, 256))
				.getEncoded();
			var clientKey = hmac(salted, "Client Key");
			var storedKey = sha("SHA-256").digest(clientKey);
			var serverKey = hmac(salted, "Server Key");
			var base64 = Base64.getEncoder();
			return "SCRAM-SHA-256$" + SCRAM_ITERATIONS + ":" + base64.encodeToString(salt) + "$"
					+ base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SCRAM-SHA-256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

}
