package dev.dbplane.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data and which port it listens on. Used only
 * when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir folder of the PostgreSQL cluster; kept across restarts
 * @param port TCP port on 127.0.0.1, {@code 0} for any free port
 * @param binaries a jar of zonky's PostgreSQL binaries to run; when unset, the class
 * path's or the local Maven repository's for this platform (see {@link PostgresBinaries})
 * @param binariesVersion the version of those binaries in the local Maven repository: the
 * build's
 */
@ConfigurationProperties("dbplane.embedded")
public record EmbeddedPostgresProperties(@DefaultValue("data/postgres") Path dataDir, @DefaultValue("0") int port,
		Path binaries, String binariesVersion) {
}
