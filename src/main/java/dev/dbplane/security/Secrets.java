package dev.dbplane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random credential material and its one-way form. Secrets are 190+ bits of randomness,
 * so a single SHA-256 is enough to store them: nothing can be guessed back from the hash,
 * and checking a request costs microseconds, not the hundreds of milliseconds a password
 * hash would.
 */
public final class Secrets {

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String LOWER_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	/** A random string of base62 characters. */
	public static String random(int length) {
		return random(length, ALPHABET);
	}

	/** A random string of lowercase base36 characters, PlanetScale's id alphabet. */
	public static String randomLowerBase36(int length) {
		return random(length, LOWER_BASE36);
	}

	private static String random(int length, String alphabet) {
		var chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
		}
		return new String(chars);
	}

	/** The stored form of a secret: hex SHA-256. */
	public static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a presented secret matches a stored hash, in time independent of where they
	 * differ.
	 */
	public static boolean matches(String secret, String storedHash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
