package dev.dbplane.planetscale;

import java.net.URI;

/**
 * The host clients are told to connect to: the public base URL's. Credentials are
 * control-plane records until the data plane serves connections.
 */
final class Hosts {

	private Hosts() {
	}

	static String of(String baseUrl) {
		var host = URI.create(baseUrl).getHost();
		return (host != null) ? host : "localhost";
	}

}
