package dev.dbplane.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.dbplane.web.ErrorFamily;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How each family's real service answers a missing, invalid or insufficient credential.
 * No body ever repeats what the caller sent.
 * <ul>
 * <li>Harness: 401 for a missing or unknown key, 403 for a key lacking a permission.</li>
 * <li>PlanetScale: an invalid service token is a 404 on organization-scoped paths (pscale
 * then checks the token with {@code GET /v1/organizations}, which answers 401); an
 * invalid Bearer token gets the OAuth-style 401 body; a valid token lacking an access
 * gets 403.</li>
 * </ul>
 */
final class SecurityErrors implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler {

	/** No credential at all. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		var family = ErrorFamily.of(request);
		family.write(response, 401,
				(family == ErrorFamily.PLANETSCALE)
						? "Authentication required: send Authorization: <SERVICE_TOKEN_ID>:<SERVICE_TOKEN>"
						: "Authentication required: send an x-api-key header");
	}

	/** A credential that is malformed, unknown, revoked or expired. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			// The credential could not be checked (the database is unreachable): not the
			// caller's fault.
			ErrorFamily.of(request).write(response, 503, "The database is unavailable; retry later");
			return;
		}
		if (ErrorFamily.of(request) != ErrorFamily.PLANETSCALE) {
			ErrorFamily.HARNESS.write(response, 401, "Invalid API key");
			return;
		}
		var bearer = request.getHeader("Authorization") != null
				&& request.getHeader("Authorization").strip().regionMatches(true, 0, "Bearer ", 0, 7);
		if (bearer) {
			var body = new LinkedHashMap<String, Object>();
			body.put("error", "invalid_token");
			body.put("error_description", "The access token is invalid");
			body.put("state", "unauthorized");
			ErrorFamily.writeJson(response, 401, body);
		}
		else if (isOrganizationList(request)) {
			ErrorFamily.PLANETSCALE.write(response, 401, "The service token is invalid");
		}
		else {
			ErrorFamily.PLANETSCALE.write(response, 404, "Not Found");
		}
	}

	/** A valid credential without the authority the path needs. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
		var family = ErrorFamily.of(request);
		family.write(response, 403,
				(family == ErrorFamily.PLANETSCALE) ? "The service token does not have the access this operation needs"
						: "The API key lacks the permission this operation needs");
	}

	private static boolean isOrganizationList(HttpServletRequest request) {
		var path = request.getRequestURI();
		return path.equals("/v1/organizations") || path.equals("/v1/organizations/") || path.equals("/organizations");
	}

}
