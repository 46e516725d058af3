package dev.dbplane.planetscale;

import java.security.SecureRandom;

/**
 * PlanetScale's public ids: 12 lowercase base36 characters, such as {@code 34rbgzmvgb9m}.
 */
final class PublicIds {

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private PublicIds() {
	}

	static String next() {
		var id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
