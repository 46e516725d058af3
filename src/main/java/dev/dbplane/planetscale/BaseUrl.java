package dev.dbplane.planetscale;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base of every absolute URL dbplane writes into a PlanetScale response: the
 * configured public base URL, or else the one the current request came to.
 */
@Component
class BaseUrl {

	private final String configured;

	BaseUrl(PublicBaseUrlProperties properties) {
		this.configured = (properties.publicBaseUrl() != null) ? stripSlash(properties.publicBaseUrl().toString())
				: null;
	}

	/** For example {@code http://localhost:8080}, without a trailing slash. */
	String current() {
		if (this.configured != null) {
			return this.configured;
		}
		if (RequestContextHolder.getRequestAttributes() == null) {
			// Outside a request (demo data seeded at start-up): nothing to derive a host
			// from.
			return "http://localhost";
		}
		return stripSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
