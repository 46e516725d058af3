package dev.dbplane;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AheadOfTimeUnitTests {

	@Test
	void whenTheBuiltJarRunsWithGeneratedDefinitionsThenTheyAreUsed() {
		// Spring Boot's launcher, as java -jar target/dbplane.jar reports it
		assertThat(AheadOfTime.wanted(null, "jar:nested:/srv/dbplane.jar/!BOOT-INF/classes/!/", true)).isTrue();
		assertThat(AheadOfTime.wanted(null, "nested:/srv/dbplane.jar/!BOOT-INF/classes/!/", true)).isTrue();
		assertThat(AheadOfTime.wanted(null, "file:/srv/app/dbplane.jar", true)).isTrue();
		assertThat(AheadOfTime.wanted(null, "jar:file:/srv/dbplane.jar!/BOOT-INF/classes!/", true)).isTrue();
	}

	@Test
	void whenCompiledClassesRunThenTheDefinitionsAreBuiltAtStartUp() {
		assertThat(AheadOfTime.wanted(null, "file:/work/dbplane/target/classes/", true)).isFalse();
		assertThat(AheadOfTime.wanted(null, null, true)).isFalse();
	}

	@Test
	void whenNothingWasGeneratedOrTheUserChoseThenNothingChanges() {
		assertThat(AheadOfTime.wanted(null, "file:/srv/app/dbplane.jar", false)).isFalse();
		assertThat(AheadOfTime.wanted("false", "file:/srv/app/dbplane.jar", true)).isFalse();
		assertThat(AheadOfTime.wanted("true", "file:/srv/app/dbplane.jar", true)).isFalse();
	}

}
