package dev.dbplane.dataplane;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The servers behind PlanetScale branches, and how provisioning work is retried. A kind
 * whose {@code url} is unset has no data plane: its credentials are records only.
 *
 * @param postgresql the server of PostgreSQL-kind databases
 * @param mysql the server of MySQL-kind databases (MySQL or MariaDB)
 * @param worker how tasks are run and retried
 * @param proxy the address PostgreSQL clients connect to
 */
@Validated
@ConfigurationProperties("dbplane.dataplane")
public record DataPlaneProperties(@DefaultValue @Valid Server postgresql, @DefaultValue @Valid Server mysql,
		@DefaultValue @Valid Worker worker, @DefaultValue @Valid Proxy proxy) {

	/**
	 * The routing proxy in dbplane that PostgreSQL clients are told to connect to: it
	 * takes a branch login asking for database {@code postgres}, as PlanetScale's clients
	 * do, to its branch's database.
	 *
	 * @param enabled whether dbplane runs it; when off, clients are told the server's own
	 * address and must name {@code ps_<branch id>} as their database
	 * @param address where it listens; every interface when unset
	 * @param port its port; 0 for any free one, chosen at start-up
	 */
	public record Proxy(@DefaultValue("true") boolean enabled, String address,
			@DefaultValue("0") @Min(0) @Max(65535) int port) {
	}

	/**
	 * One server and the administrative login dbplane uses on it.
	 *
	 * @param url JDBC URL ({@code jdbc:postgresql://host:port/db} or
	 * {@code jdbc:mariadb://host:port}); for PostgreSQL its database is where the
	 * administrative login connects to create databases
	 * @param username the administrative login: PostgreSQL {@code CREATEDB CREATEROLE},
	 * not a superuser; MySQL {@code CREATE USER} and all privileges with grant option on
	 * {@code ps\_%}
	 * @param password its password
	 * @param host the host clients are told in connection strings; the URL's host when
	 * unset
	 * @param port the port clients are told; the URL's port when unset
	 */
	public record Server(String url, String username, String password, String host, Integer port) {

		public boolean configured() {
			return StringUtils.hasText(this.url);
		}

		/** The server's own host and port, as the URL names them. */
		InetSocketAddress address(int defaultPort) {
			int fromUrl = uri().getPort();
			return new InetSocketAddress(uri().getHost(), (fromUrl > 0) ? fromUrl : defaultPort);
		}

		String publicHost() {
			return StringUtils.hasText(this.host) ? this.host : uri().getHost();
		}

		int publicPort(int defaultPort) {
			if (this.port != null) {
				return this.port;
			}
			int fromUrl = uri().getPort();
			return (fromUrl > 0) ? fromUrl : defaultPort;
		}

		private URI uri() {
			// jdbc:postgresql://host:port/db?x -> postgresql://host:port/db?x
			return URI.create(this.url.substring("jdbc:".length()));
		}

		@Override
		public String toString() {
			return "Server[url=" + this.url + ", username=" + this.username + "]";
		}

	}

	/**
	 * @param threads tasks run at once by one dbplane
	 * @param pollInterval how often pending tasks are looked for, besides right after
	 * each enqueuing transaction commits
	 * @param initialBackoff wait before the first retry of a failed task; doubled per
	 * failure
	 * @param maxBackoff longest wait between retries
	 * @param credentialWait how long creating a password or role waits for its login to
	 * exist before answering, so that it logs in at once, as on PlanetScale; a slow or
	 * failing server gets the login later
	 */
	public record Worker(@DefaultValue("2") @Min(1) int threads, @DefaultValue("1s") @NotNull Duration pollInterval,
			@DefaultValue("1s") @NotNull Duration initialBackoff, @DefaultValue("5m") @NotNull Duration maxBackoff,
			@DefaultValue("5s") @NotNull Duration credentialWait) {
	}

}
