package dev.dbplane.dataplane;

/**
 * Where clients connect to a data-plane server.
 *
 * @param host the host named in connection strings
 * @param port its port
 */
public record Endpoint(String host, int port) {

	/** {@code host:port}, as PlanetScale's {@code access_host_url}. */
	public String hostAndPort() {
		return this.host + ":" + this.port;
	}

}
