package dev.dbplane.planetscale;

import dev.dbplane.persistence.RandomIds;

/**
 * PlanetScale's public ids: 12 lowercase base36 characters, such as {@code 34rbgzmvgb9m}.
 */
final class PublicIds {

	private PublicIds() {
	}

	static String next() {
		return RandomIds.base36(12);
	}

}
