package dev.dbplane.web;

/**
 * Exact enum lookup for request bodies. Jackson's own lookup retries with the value
 * trimmed, so {@code " Repository"} or a value wrapped in control characters would be
 * accepted as another value than the one sent.
 */
public final class Enums {

	private Enums() {
	}

	public static <E extends Enum<E>> E exact(Class<E> type, String value) {
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("not one of the values of " + type.getSimpleName());
	}

}
