package dev.dbplane.dataplane;

import org.jspecify.annotations.Nullable;

/**
 * Where clients connect to a data-plane server.
 *
 * @param host the host named in connection strings; {@code null} for the host clients
 * reach dbplane at (the routing proxy runs in dbplane)
 * @param port its port
 */
public record Endpoint(@Nullable String host, int port) {

	/**
	 * {@code host:port}, as PlanetScale's {@code access_host_url}.
	 * @param dbplaneHost the host clients reach dbplane at, for an endpoint in dbplane
	 */
	public String hostAndPort(String dbplaneHost) {
		return ((this.host != null) ? this.host : dbplaneHost) + ":" + this.port;
	}

}
