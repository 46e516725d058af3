package dev.dbplane.security;

import java.util.Optional;

/**
 * Checks a credential presented on a PlanetScale path. The PlanetScale family keeps its
 * tokens and what they may do, and implements this; security only asks it who is calling
 * and makes the answer a {@code planetscale} authentication.
 */
public interface PlanetScaleCredentialCheck {

	/**
	 * The caller behind {@code Authorization: <id>:<secret>}, or empty when it is
	 * malformed, unknown or expired. The caller's {@code toString()} names it in the
	 * request log, so it holds no secret.
	 */
	Optional<?> serviceToken(String idAndSecret);

	/**
	 * The caller behind {@code Authorization: Bearer <token>}, or empty when it is
	 * unknown or revoked.
	 */
	Optional<?> bearer(String token);

}
