package dev.dbplane.harness;

import java.time.Instant;
import java.util.Map;

import dev.dbplane.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DbSchemaUnitTests {

	private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");

	private static final SchemaChangelog CHANGELOG = new SchemaChangelog("conn", "db/changelog.yml", null, null, null);

	@Test
	void whenARepositorySchemaHasNoChangelogThenItIsRefused() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new DbSchema("acct", "org", "proj", "s", "S", null, SchemaType.Repository,
					MigrationType.Liquibase, null, null, null, false, null, NOW))
			.withMessage("changelog: is required for a schema of type Repository");
	}

	@Test
	void whenAScriptSchemaHasNoScriptThenItIsRefused() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new DbSchema("acct", "org", "proj", "s", "S", null, SchemaType.Script,
					MigrationType.Liquibase, CHANGELOG, null, null, false, null, NOW))
			.withMessage("changeLogScript: is required for a schema of type Script");
	}

	@Test
	void whenAnUpdateLeavesValuesOutThenTheStoredOnesStay() {
		var schema = new DbSchema("acct", "org", "proj", "s", "S", Map.of("a", "1"), SchemaType.Repository,
				MigrationType.Flyway, CHANGELOG, null, "svc", true, "primary", NOW);

		schema.update(null, null, null, null, null, null, null, null, NOW.plusSeconds(60));

		assertThat(schema.getName()).isEqualTo("S");
		assertThat(schema.getTags()).containsExactlyEntriesOf(Map.of("a", "1"));
		assertThat(schema.getService()).isEqualTo("svc");
		assertThat(schema.isUsePercona()).isTrue();
		assertThat(schema.getPrimaryDbInstanceId()).isEqualTo("primary");
		assertThat(schema.getMigrationType()).isEqualTo(MigrationType.Flyway);
		assertThat(schema.getCreatedAt()).isEqualTo(NOW);
		assertThat(schema.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void whenASchemaTurnsIntoAScriptSchemaWithoutAScriptThenTheUpdateIsRefused() {
		var schema = new DbSchema("acct", "org", "proj", "s", "S", null, SchemaType.Repository, MigrationType.Liquibase,
				CHANGELOG, null, null, false, null, NOW);

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> schema.update(null, null, SchemaType.Script, null, null, null, null, null, NOW));
	}

	@Test
	void whenTwoSchemasShareAProjectThenTheyShareTheirParentIdAndOthersDoNot() {
		var one = new DbSchema("acct", "org", "proj", "one", "One", null, SchemaType.Repository,
				MigrationType.Liquibase, CHANGELOG, null, null, false, null, NOW);
		var two = new DbSchema("acct", "org", "proj", "two", "Two", null, SchemaType.Repository,
				MigrationType.Liquibase, CHANGELOG, null, null, false, null, NOW);
		var elsewhere = new DbSchema("acct", "org", "other", "one", "One", null, SchemaType.Repository,
				MigrationType.Liquibase, CHANGELOG, null, null, false, null, NOW);

		assertThat(one.parentId()).hasSize(22).isEqualTo(two.parentId()).isNotEqualTo(elsewhere.parentId());
	}

	@Test
	void whenTheChangelogHasAnArchivePathThenTheSourceIsArtifactory() {
		var artifactory = new DbSchema("acct", "org", "proj", "s", "S", null, SchemaType.Repository,
				MigrationType.Liquibase, new SchemaChangelog("conn", "l", null, "path/x.zip", null), null, null, false,
				null, NOW);
		var git = new DbSchema("acct", "org", "proj", "s", "S", null, SchemaType.Repository, MigrationType.Liquibase,
				CHANGELOG, null, null, false, null, NOW);

		assertThat(artifactory.sourceType()).isEqualTo("Artifactory");
		assertThat(git.sourceType()).isEqualTo("Git");
	}

}
