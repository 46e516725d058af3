package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.BeforeTransaction;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * PostgreSQL branch roles: the finds of the role service and the branch provisioning, and
 * the constraints of their table, one default role per branch among them. Each test runs
 * in a transaction that is rolled back, on the default branch of a database committed
 * before it (a database's insert commits on its own).
 */
class BranchRoleRepositoryTests extends RepositoryTest {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private BranchRoleRepository roles;

	@Autowired
	private BranchRepository branches;

	@Autowired
	private DatabaseRepository databases;

	@Autowired
	private OrganizationRepository organizations;

	@Autowired
	private Regions regions;

	@Autowired
	private ClusterSizes clusterSizes;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	private StoredDatabase database;

	@BeforeTransaction
	void database() {
		this.database = StoredDatabase.create(this.organizations, this.databases, this.branches);
	}

	@AfterTransaction
	void removeDatabase() {
		this.database.delete(this.jdbc);
	}

	@Test
	void whenRolesAreSavedThenTheFindsReadThemOnTheirBranchOnly() {
		var defaultRole = this.roles.saveAndFlush(BranchRole.issueDefault(branch(), this.now).role());
		var app = this.roles.saveAndFlush(role("app"));
		this.entityManager.clear();

		var found = this.roles.findByBranchIdAndDefaultRoleTrue(branch()).orElseThrow();
		assertThat(found.getId()).isEqualTo(defaultRole.getId());
		assertThat(found.getUsername()).isEqualTo("postgres." + branch());
		assertThat(found.getInheritedRoles()).containsExactly("postgres");
		assertThat(found.getPasswordVerifier()).isEqualTo(defaultRole.getPasswordVerifier())
			.startsWith("SCRAM-SHA-256$");
		assertThat(this.roles.findByBranchIdAndUsername(branch(), app.getUsername())).map(BranchRole::getId)
			.contains(app.getId());
		var byId = this.roles.findByBranchIdAndId(branch(), app.getId()).orElseThrow();
		assertThat(byId.isDefaultRole()).isFalse();
		assertThat(byId.getInheritedRoles()).containsExactly("pg_read_all_data", "pg_write_all_data");
		assertThat(byId.getExpiresAt()).isEqualTo(this.now.plusSeconds(600));
		assertThat(this.roles.findByBranchIdAndId("nosuchbr0000", app.getId())).isEmpty();
		assertThat(this.roles.findByBranchIdAndUsername("nosuchbr0000", app.getUsername())).isEmpty();
		assertThat(this.roles.findByBranchIdAndDefaultRoleTrue("nosuchbr0000")).isEmpty();
	}

	@Test
	void whenABranchHasNoDefaultRoleThenNoneIsFoundHoweverManyOthersItHas() {
		this.roles.saveAndFlush(role("one"));
		this.roles.saveAndFlush(role("two"));

		assertThat(this.roles.findByBranchIdAndDefaultRoleTrue(branch())).isEmpty();
	}

	@Test
	void whenABranchHasItsDefaultRoleThenTheUniqueIndexRefusesASecondOne() {
		this.roles.saveAndFlush(BranchRole.issueDefault(branch(), this.now).role());
		var second = BranchRole.issueDefault(branch(), this.now).role();
		ReflectionTestUtils.setField(second, "username", "postgres2." + branch());

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.roles.saveAndFlush(second))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_role_default")).isTrue());
	}

	@Test
	void whenAnotherBranchHasADefaultRoleThenThisBranchMayHaveOneToo() {
		var other = this.branches.saveAndFlush(new Branch(this.database.id(), "dev", "main",
				this.regions.findBySlug("us-east"), this.clusterSizes.findByName("PS_10"), null, null, false, false,
				null, this.now, Duration.ofHours(1), false));
		this.roles.saveAndFlush(BranchRole.issueDefault(other.getId(), this.now).role());

		this.roles.saveAndFlush(BranchRole.issueDefault(branch(), this.now).role());

		assertThat(this.roles.findByBranchIdAndDefaultRoleTrue(branch())).isPresent();
		assertThat(this.roles.findByBranchIdAndDefaultRoleTrue(other.getId())).isPresent();
	}

	@Test
	void whenAUsernameIsTakenThenTheUniqueConstraintRefusesTheSecondRole() {
		var first = this.roles.saveAndFlush(role("first"));
		var second = role("second");
		ReflectionTestUtils.setField(second, "username", first.getUsername());

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.roles.saveAndFlush(second))
			.satisfies(
					(ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_role_username_unique")).isTrue());
	}

	@Test
	void whenTheBranchIsGoneThenTheForeignKeyRefusesTheRole() {
		var orphan = BranchRole.issueDefault("nosuchbr0000", this.now).role();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.roles.saveAndFlush(orphan))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_role_branch_id_fkey")).isTrue());
	}

	@Test
	void whenTheBranchIsDeletedThenItsRolesGoWithIt() {
		var role = this.roles.saveAndFlush(role("doomed"));
		this.entityManager.clear();

		this.jdbc.sql("delete from planetscale_branch where id = ?").param(branch()).update();

		assertThat(this.roles.findById(role.getId())).isEmpty();
	}

	@Test
	void whenARoleIsChangedThenItsVersionGrowsAndAStaleChangeIsRefused() {
		var role = this.roles.saveAndFlush(role("changed"));
		role.resetPassword(this.now.plusSeconds(1));
		this.roles.flush();
		assertThat(version(role.getId())).isOne();

		this.jdbc.sql("update planetscale_branch_role set version = version + 1 where id = ?")
			.param(role.getId())
			.update();
		role.update("renamed", null, null, this.now.plusSeconds(2));

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.roles.flush());
	}

	private long version(String id) {
		return this.jdbc.sql("select version from planetscale_branch_role where id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private BranchRole role(String name) {
		return BranchRole
			.issue(branch(), name, List.of("pg_read_all_data", "pg_write_all_data"), false, "off", "off", 600, null,
					this.now)
			.role();
	}

	private String branch() {
		return this.database.defaultBranchId();
	}

}
