package dev.dbplane.web;

/**
 * A failure a caller can act on. Services throw it with a {@link Kind}; each family's
 * advice turns the kind into that family's status code and error body.
 */
public class ApiException extends RuntimeException {

	public enum Kind {

		NOT_FOUND, DUPLICATE, INVALID, FORBIDDEN

	}

	private final Kind kind;

	public ApiException(Kind kind, String message) {
		super(message, null, false, false);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public static ApiException notFound(String message) {
		return new ApiException(Kind.NOT_FOUND, message);
	}

	public static ApiException duplicate(String message) {
		return new ApiException(Kind.DUPLICATE, message);
	}

	public static ApiException invalid(String message) {
		return new ApiException(Kind.INVALID, message);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(Kind.FORBIDDEN, message);
	}

}
