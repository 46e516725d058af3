package dev.dbplane.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.dbplane.web.ErrorFamily;

import org.springframework.http.MediaType;
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

	private final JsonMapper json = JsonMapper.builder().build();

	/** No credential at all. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (ErrorFamily.of(request) == ErrorFamily.PLANETSCALE) {
			write(response, 401, ErrorFamily.PLANETSCALE.body("unauthorized",
					"Authentication required: send Authorization: <SERVICE_TOKEN_ID>:<SERVICE_TOKEN>"));
		}
		else {
			write(response, 401, ErrorFamily.HARNESS.body(null, "Authentication required: send an x-api-key header"));
		}
	}

	/** A credential that is malformed, unknown, revoked or expired. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			// The credential could not be checked (the database is unreachable): not the
			// caller's fault.
			var family = ErrorFamily.of(request);
			write(response, 503, family.body(ErrorFamily.codeOf(503), "The database is unavailable; retry later"));
			return;
		}
		if (ErrorFamily.of(request) != ErrorFamily.PLANETSCALE) {
			write(response, 401, ErrorFamily.HARNESS.body(null, "Invalid API key"));
			return;
		}
		var bearer = request.getHeader("Authorization") != null
				&& request.getHeader("Authorization").strip().regionMatches(true, 0, "Bearer ", 0, 7);
		if (bearer) {
			var body = new LinkedHashMap<String, Object>();
			body.put("error", "invalid_token");
			body.put("error_description", "The access token is invalid");
			body.put("state", "unauthorized");
			write(response, 401, body);
		}
		else if (isOrganizationList(request)) {
			write(response, 401, ErrorFamily.PLANETSCALE.body("unauthorized", "The service token is invalid"));
		}
		else {
			write(response, 404, ErrorFamily.PLANETSCALE.body("not_found", "Not Found"));
		}
	}

	/** A valid credential without the authority the path needs. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
		if (ErrorFamily.of(request) == ErrorFamily.PLANETSCALE) {
			write(response, 403, ErrorFamily.PLANETSCALE.body("forbidden",
					"The service token does not have the access this operation needs"));
		}
		else {
			write(response, 403,
					ErrorFamily.HARNESS.body(null, "The API key lacks the permission this operation needs"));
		}
	}

	private static boolean isOrganizationList(HttpServletRequest request) {
		var path = request.getRequestURI();
		return path.equals("/v1/organizations") || path.equals("/v1/organizations/") || path.equals("/organizations");
	}

	private void write(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

}
