package dev.dbplane.security;

import jakarta.servlet.http.HttpServletRequest;

import dev.dbplane.web.ErrorFamily;

import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the credential each family's clients send: {@code x-api-key} on Harness paths
 * (and dbplane's own administration paths), {@code Authorization} on PlanetScale paths. A
 * request without one goes on unauthenticated; the authorization rules then decide.
 */
class CredentialConverter implements AuthenticationConverter {

	static final String API_KEY_HEADER = "x-api-key";

	@Override
	public PresentedCredential convert(HttpServletRequest request) {
		if (ErrorFamily.of(request) == ErrorFamily.PLANETSCALE) {
			var header = request.getHeader("Authorization");
			if (header == null || header.isBlank()) {
				return null;
			}
			var value = header.strip();
			if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return new PresentedCredential(PresentedCredential.Kind.BEARER, value.substring(7).strip());
			}
			return new PresentedCredential(PresentedCredential.Kind.SERVICE_TOKEN, value);
		}
		var key = request.getHeader(API_KEY_HEADER);
		if (key == null || key.isBlank()) {
			return null;
		}
		return new PresentedCredential(PresentedCredential.Kind.HARNESS_API_KEY, key.strip());
	}

}
