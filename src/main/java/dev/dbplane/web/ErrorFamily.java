package dev.dbplane.web;

import java.util.LinkedHashMap;
import java.util.Map;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two error shapes dbplane speaks. Which one a response uses depends only on the
 * request path, so errors raised before any controller is chosen (unknown path, wrong
 * method, body too large) still come back in the shape the caller's client parses.
 */
public enum ErrorFamily {

	/** Harness Database DevOps: {@code {"message": "..."}}. */
	HARNESS,

	/** PlanetScale: {@code {"code": "...", "message": "..."}}. */
	PLANETSCALE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static ErrorFamily of(HttpServletRequest request) {
		return ofPath(request.getRequestURI());
	}

	public static ErrorFamily ofPath(String path) {
		if (path == null) {
			return HARNESS;
		}
		if (path.startsWith("/v1/organizations") || path.startsWith("/v1/regions") || path.startsWith("/organizations")
				|| path.startsWith("/regions")) {
			return PLANETSCALE;
		}
		return HARNESS;
	}

	/**
	 * A complete error response of this family: the status, a JSON content type and the
	 * body.
	 */
	public ResponseEntity<Object> response(HttpStatusCode status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(codeOf(status.value()), message));
	}

	/**
	 * Writes an error of this family straight to the servlet response, for filters and
	 * handlers that run outside Spring MVC.
	 */
	public void write(HttpServletResponse response, int status, String message) throws IOException {
		writeJson(response, status, body(codeOf(status), message));
	}

	/** Writes a JSON body with a status straight to the servlet response. */
	public static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}

	/** PlanetScale's snake_case code for a status. */
	public static String codeOf(int status) {
		return switch (status) {
			case 400 -> "bad_request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 409 -> "conflict";
			case 413 -> "payload_too_large";
			case 415 -> "unsupported_media_type";
			case 422 -> "unprocessable";
			case 503 -> "service_unavailable";
			default -> status >= 500 ? "internal_server_error" : "bad_request";
		};
	}

	/**
	 * The error body of this family.
	 * @param code PlanetScale's machine-readable code ({@code not_found},
	 * {@code unprocessable}...); Harness bodies carry only the message
	 * @param message human-readable text, never an exception message or a secret
	 */
	public Map<String, Object> body(String code, String message) {
		var body = new LinkedHashMap<String, Object>();
		if (this == PLANETSCALE) {
			body.put("code", code);
		}
		body.put("message", message);
		return body;
	}

}
