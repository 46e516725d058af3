package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;

import dev.dbplane.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseUnitTests {

	private static final Instant CREATED = Instant.parse("2026-11-22T10:19:23.000Z");

	private static final Duration DELAY = Duration.ofSeconds(30);

	@Test
	void whenTheDelayHasNotPassedThenTheDatabaseIsPending() {
		var database = database(DELAY);

		assertThat(database.stateAt(CREATED)).isEqualTo(DatabaseState.PENDING);
		assertThat(database.stateAt(CREATED.plus(DELAY).minusMillis(1))).isEqualTo(DatabaseState.PENDING);
		assertThat(database.updatedAtAsOf(CREATED.plus(DELAY).minusMillis(1))).isEqualTo(CREATED);
	}

	@Test
	void whenTheDelayHasPassedThenTheDatabaseIsReadySinceThen() {
		var database = database(DELAY);

		assertThat(database.stateAt(CREATED.plus(DELAY))).isEqualTo(DatabaseState.READY);
		assertThat(database.updatedAtAsOf(CREATED.plus(Duration.ofDays(1)))).isEqualTo(CREATED.plus(DELAY));
	}

	@Test
	void whenTheDelayIsZeroThenTheDatabaseIsReadyAtCreation() {
		var database = database(Duration.ZERO);

		assertThat(database.stateAt(CREATED)).isEqualTo(DatabaseState.READY);
		assertThat(database.updatedAtAsOf(CREATED)).isEqualTo(CREATED);
	}

	@Test
	void whenAnUpdateComesAfterTheDelayThenTheReadinessIsKeptAndUpdatedAtMoves() {
		var database = database(DELAY);
		var later = CREATED.plus(Duration.ofMinutes(5));

		database.update(settings(null, null, null, true), later);

		assertThat(database.stateAt(CREATED)).as("written back, no longer computed").isEqualTo(DatabaseState.READY);
		assertThat(database.updatedAtAsOf(later)).isEqualTo(later);
	}

	@Test
	void whenAnUpdateChangesNothingThenUpdatedAtStays() {
		var database = database(DELAY);

		database.update(settings(null, null, null, false), CREATED.plusSeconds(5));

		assertThat(database.updatedAtAsOf(CREATED.plusSeconds(5))).isEqualTo(CREATED);
	}

	@Test
	void whenAutomaticMigrationsLackAFrameworkOrTableThenTheUpdateIsRefusedWhole() {
		var database = database(DELAY);

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> database.update(settings(true, "rails", null, true), CREATED))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiException.Kind.INVALID));
		assertThat(database.getMigrationFramework()).isNull();
		assertThat(database.isRequireApprovalForDeploy()).isFalse();
	}

	@Test
	void whenFrameworkAndTableAreStoredThenAutomaticMigrationsMayBeTurnedOnAlone() {
		var database = database(DELAY);
		database.update(settings(null, "rails", "schema_migrations", null), CREATED);

		database.update(settings(true, null, null, null), CREATED);

		assertThat(database.getAutomaticMigrations()).isTrue();
	}

	@Test
	void whenDeletionProtectedThenTheDatabaseCannotBeDeleted() {
		var database = database(DELAY);
		database.requireDeletable();
		database.update(new Database.Settings(null, null, null, null, null, null, null, null, null, true, null, null),
				CREATED);

		assertThatExceptionOfType(ApiException.class).isThrownBy(database::requireDeletable);
	}

	private static Database.Settings settings(Boolean automatic, String framework, String table, Boolean approval) {
		return new Database.Settings(null, automatic, framework, table, approval, null, null, null, null, null, null,
				null);
	}

	private static Database database(Duration delay) {
		return new Database("org", "db", Engine.MYSQL, null, "PS_10", null, null, null, null, CREATED, delay);
	}

}
