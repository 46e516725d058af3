package dev.dbplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end tests: real requests to the running server, as curl
 * or a Go SDK would send them.
 */
public final class Api {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	private Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers.putAll(headers);
	}

	/**
	 * A copy of this client, with its headers, talking to another port on this machine.
	 */
	public Api onPort(int port) {
		return new Api("http://127.0.0.1:" + port, this.headers);
	}

	/**
	 * A copy of this client that sends one more header on every request, in place of a
	 * default one of the same name ({@code Accept}).
	 */
	public Api withHeader(String name, String value) {
		var copy = new Api(this.base, this.headers);
		copy.headers.put(name, value);
		return copy;
	}

	/** A header this client sends on every request. */
	public String requestHeader(String name) {
		return this.headers.get(name);
	}

	public Response get(String path) {
		return send("GET", path, (String) null, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, (String) null, null);
	}

	public Response post(String path, String body) {
		return send("POST", path, body, "application/json");
	}

	public Response put(String path, String body) {
		return send("PUT", path, body, "application/json");
	}

	public Response patch(String path, String body) {
		return send("PATCH", path, body, "application/json");
	}

	public Response send(String method, String path, String body, String contentType) {
		return send(method, path, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody(),
				contentType);
	}

	public Response send(String method, String path, BodyPublisher body, String contentType) {
		var request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.setHeader("Accept", "application/json");
		this.headers.forEach(request::setHeader);
		try {
			var response = client.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode parse(String text) {
		return json.readTree(text);
	}

	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return parse(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
