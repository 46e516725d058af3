package dev.dbplane.persistence;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids for new rows, drawn from the creating thread's own generator. A row's id
 * must be unique (its primary key or unique constraint says so), not unguessable: every
 * read of it is authorized by the caller's account or organization. The JVM's
 * {@code SecureRandom} (what {@code UUID.randomUUID()} and {@code new SecureRandom()}
 * draw from on Linux) serializes every caller on one lock: with 32 creates in flight on
 * two cores, Java 17's platform threads queued on it for most of a create's time. Secrets
 * (passwords, tokens) still come from {@code SecureRandom}.
 */
public final class RandomIds {

	private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private RandomIds() {
	}

	/** A random (version 4, IETF variant) UUID. */
	public static UUID uuid() {
		var random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
		return new UUID(high, low);
	}

	/** {@code length} random lowercase base36 characters ({@code 0-9a-z}). */
	public static String base36(int length) {
		var random = ThreadLocalRandom.current();
		var id = new char[length];
		for (int i = 0; i < length; i++) {
			id[i] = BASE36[random.nextInt(BASE36.length)];
		}
		return new String(id);
	}

}
