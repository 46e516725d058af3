package dev.dbplane.planetscale;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute URL of another page of the same list, keeping the filters of the request.
 */
final class PageLinks {

	private final String baseUrl;

	private final String path;

	private final Map<String, String> filters = new LinkedHashMap<>();

	private PageLinks(String baseUrl, String path) {
		this.baseUrl = baseUrl;
		this.path = path;
	}

	/**
	 * @param baseUrl the public base URL, without a trailing slash
	 * @param path the list's path, such as {@code /v1/organizations/acme/databases}
	 */
	static PageLinks of(String baseUrl, String path) {
		return new PageLinks(baseUrl, path);
	}

	/** The same links carrying a query parameter, unless {@code value} is blank. */
	PageLinks with(String name, String value) {
		if (value != null && !value.isBlank()) {
			this.filters.put(name, value);
		}
		return this;
	}

	String page(int page, int perPage) {
		var uri = UriComponentsBuilder.fromUriString(this.baseUrl).path(this.path);
		this.filters.forEach(uri::queryParam);
		return uri.queryParam("page", page).queryParam("per_page", perPage).encode().build().toUriString();
	}

}
