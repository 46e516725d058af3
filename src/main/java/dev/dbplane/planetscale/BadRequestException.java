package dev.dbplane.planetscale;

/**
 * A request the PlanetScale API refuses with 400 {@code bad_request} although its body is
 * well formed: what it asks for cannot be done in the resource's current state.
 */
class BadRequestException extends RuntimeException {

	BadRequestException(String message) {
		super(message, null, false, false);
	}

}
