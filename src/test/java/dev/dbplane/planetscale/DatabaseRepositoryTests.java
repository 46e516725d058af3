package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database repository: its batched insert and hand-written get, and the JPA reads and
 * writes of a change. The insert commits on its own, so these tests run outside a
 * transaction, each in an organization of its own.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DatabaseRepositoryTests extends RepositoryTest {

	@Autowired
	private DatabaseRepository databases;

	@Autowired
	private OrganizationRepository organizations;

	@Autowired
	private Regions regions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private Organization organization;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@BeforeEach
	void organization() {
		var name = PlanetScaleFixtures.uniqueName("org");
		this.organizations.ensure(
				new PlanetScaleProperties.OrganizationConfig(name, "us-east", "scaler_pro", null, null, null, null),
				this.now);
		this.organization = this.organizations.findByName(name).orElseThrow();
	}

	@Test
	void whenADatabaseIsInsertedThenItTakesItsOrganizationsRowAndTheGetReadsItBack() {
		var database = database("one");

		assertThat(this.databases.insert(database, this.organization.getId(), null, null)).isTrue();

		assertThat(database.getRegion().getSlug()).isEqualTo("us-east");
		assertThat(database.getPlan()).isEqualTo("scaler_pro");
		var found = this.databases.find(this.organization.getId(), this.organization.getName(), "one").orElseThrow();
		assertThat(found.getId()).isEqualTo(database.getId());
		assertThat(found.getOrganizationName()).isEqualTo(this.organization.getName());
		assertThat(found.getKind()).isEqualTo(Engine.MYSQL);
		assertThat(found.stateAt(this.now)).isEqualTo(DatabaseState.PENDING);
		assertThat(found.getVersion()).isZero();
		assertThat(this.databases.find(this.organization.getId(), "another-org", "one")).isEmpty();
		assertThat(this.databases.countByOrganization(this.organization.getId())).isOne();
	}

	@Test
	void whenANameIsTakenOrTheOrganizationDoesNotMatchThenNothingIsInserted() {
		assertThat(this.databases.insert(database("taken"), this.organization.getId(), null, null)).isTrue();

		assertThat(this.databases.insert(database("taken"), this.organization.getId(), null, null)).isFalse();
		assertThat(this.databases.insert(database("elsewhere"), "nosuchorg000", null, null)).isFalse();
		assertThat(this.databases.countByOrganization(this.organization.getId())).isOne();
	}

	@Test
	void whenADatabaseIsChangedThroughJpaThenItsVersionGrowsAndTheEntityReadsTheSameAsTheGet() {
		this.databases.insert(database("changed"), this.organization.getId(), null, null);

		this.transactions.executeWithoutResult((status) -> {
			var managed = this.databases.findToChange(this.organization.getId(), this.organization.getName(), "changed")
				.orElseThrow();
			assertThat(managed.getOrganizationName()).isEqualTo(this.organization.getName());
			assertThat(managed.getRegion().getSlug()).isEqualTo("us-east");
			managed.update(settings("renamed"), this.now);
		});

		var found = this.databases.find(this.organization.getId(), this.organization.getName(), "renamed")
			.orElseThrow();
		assertThat(found.getVersion()).isOne();
	}

	@Test
	void whenTheRowChangedSinceItWasReadThenTheChangeIsRefused() {
		this.databases.insert(database("stale"), this.organization.getId(), null, null);

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				var managed = this.databases
					.findToChange(this.organization.getId(), this.organization.getName(), "stale")
					.orElseThrow();
				this.jdbc.sql("update planetscale_database set version = version + 1 where id = ?")
					.param(managed.getId())
					.update();
				managed.update(settings("stale-renamed"), this.now);
				this.databases.flush();
			}));
	}

	@Test
	void whenARenameTakesAnotherDatabasesNameThenTheUniqueConstraintRefusesIt() {
		this.databases.insert(database("first"), this.organization.getId(), null, null);
		this.databases.insert(database("second"), this.organization.getId(), null, null);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
				var managed = this.databases
					.findToChange(this.organization.getId(), this.organization.getName(), "second")
					.orElseThrow();
				managed.update(settings("first"), this.now);
				this.databases.flush();
			}))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_database_name_unique")).isTrue());
	}

	@Test
	void whenADatabaseIsDeletionProtectedThenTheDeleteLeavesIt() {
		var database = database("kept");
		this.databases.insert(database, this.organization.getId(), null, null);
		this.jdbc.sql("update planetscale_database set deletion_protected = true where id = ?")
			.param(database.getId())
			.update();

		assertThat(this.databases.deleteUnlessProtected(database.getId())).isZero();
		assertThat(this.databases.findDeletionProtectedById(database.getId())).contains(true);

		this.jdbc.sql("update planetscale_database set deletion_protected = false where id = ?")
			.param(database.getId())
			.update();
		assertThat(this.databases.deleteUnlessProtected(database.getId())).isOne();
		assertThat(this.databases.findById(database.getId())).isEmpty();
	}

	@Test
	void whenDatabasesAreCountedByStateThenThePendingOnesPastTheirProvisioningTimeAreDue() {
		var later = this.now.plus(Duration.ofHours(2));
		var before = pending(this.now);
		var dueLaterBefore = pending(later).due();

		this.databases.insert(database("counted-1"), this.organization.getId(), null, null);
		this.databases.insert(database("counted-2"), this.organization.getId(), null, null);

		var after = pending(this.now);
		assertThat(after.databases() - before.databases()).isEqualTo(2);
		assertThat(after.due() - before.due()).isZero();
		assertThat(pending(later).due() - dueLaterBefore).isEqualTo(2);
	}

	/** Every organization's pending databases, and how many are due, at {@code at}. */
	private Pending pending(Instant at) {
		return this.databases.countByState(at)
			.stream()
			.filter((counted) -> counted.state() == DatabaseState.PENDING)
			.map((counted) -> new Pending(counted.databases(), counted.due()))
			.findFirst()
			.orElse(new Pending(0, 0));
	}

	private record Pending(long databases, long due) {
	}

	private Database database(String name) {
		return new Database(this.organization.getName(), name, Engine.MYSQL, null, "PS_10", null, null, null, null,
				this.now, Duration.ofHours(1));
	}

	private static Database.Settings settings(String newName) {
		return new Database.Settings(newName, null, null, null, null, null, null, null, null, null, null, null);
	}

}
