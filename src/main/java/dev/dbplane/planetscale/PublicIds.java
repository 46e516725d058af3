package dev.dbplane.planetscale;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.dbplane.persistence.RandomIds;

/**
 * PlanetScale's public ids: 12 lowercase base36 characters, such as {@code 34rbgzmvgb9m}.
 */
final class PublicIds {

	private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private PublicIds() {
	}

	static String next() {
		return RandomIds.base36(12);
	}

	/**
	 * An id that is the same on every read for the same {@code key}, for what dbplane
	 * derives rather than stores (a branch's parameters, its keyspace).
	 */
	static String derived(String key) {
		long bits = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
		var id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = BASE36[(int) Long.remainderUnsigned(bits, 36)];
			bits = Long.divideUnsigned(bits, 36);
		}
		return new String(id);
	}

}
