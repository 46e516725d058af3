package dev.dbplane.planetscale;

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
 * MySQL branch passwords: the find the password service makes, and the constraints of
 * their table. Each test runs in a transaction that is rolled back, on the default branch
 * of a database committed before it (a database's insert commits on its own).
 */
class BranchPasswordRepositoryTests extends RepositoryTest {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private BranchPasswordRepository passwords;

	@Autowired
	private BranchRepository branches;

	@Autowired
	private DatabaseRepository databases;

	@Autowired
	private OrganizationRepository organizations;

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
	void whenAPasswordIsSavedThenItIsFoundOnItsBranchOnlyAsItWasIssued() {
		var issued = password("app", "writer", 3600);
		this.passwords.saveAndFlush(issued);
		this.entityManager.clear();

		var found = this.passwords.findByBranchIdAndId(branch(), issued.getId()).orElseThrow();
		assertThat(found.getName()).isEqualTo("app");
		assertThat(found.getRole()).isEqualTo("writer");
		assertThat(found.getUsername()).isEqualTo(issued.getUsername()).matches("^[a-z0-9]{20}$");
		assertThat(found.getSecretHash()).isEqualTo(issued.getSecretHash()).matches("^\\*[0-9A-F]{40}$");
		assertThat(found.getCidrs()).containsExactly("10.0.0.0/8", "192.168.0.1/32");
		assertThat(found.getTtlSeconds()).isEqualTo(3600);
		assertThat(found.getExpiresAt()).isEqualTo(this.now.plusSeconds(3600));
		assertThat(found.getCreatedAt()).isEqualTo(this.now);
		assertThat(this.jdbc.sql("select cidrs || '|' || version from planetscale_branch_password where id = ?")
			.param(issued.getId())
			.query(String.class)
			.single()).isEqualTo("[\"10.0.0.0/8\",\"192.168.0.1/32\"]|0");
		assertThat(this.passwords.findByBranchIdAndId("nosuchbr0000", issued.getId())).isEmpty();
		assertThat(this.passwords.findByBranchIdAndId(branch(), "nosuchpw0000")).isEmpty();
	}

	@Test
	void whenAUsernameIsTakenThenTheUniqueConstraintRefusesTheSecondPassword() {
		var first = this.passwords.saveAndFlush(password("first", "reader", null));
		var second = password("second", "reader", null);
		ReflectionTestUtils.setField(second, "username", first.getUsername());

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.passwords.saveAndFlush(second))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_password_username_unique"))
				.isTrue());
	}

	@Test
	void whenTheBranchIsGoneThenTheForeignKeyRefusesThePassword() {
		var orphan = BranchPassword.issue("nosuchbr0000", "orphan", "reader", null, false, false, null, null, this.now)
			.password();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.passwords.saveAndFlush(orphan))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_password_branch_id_fkey"))
				.isTrue());
	}

	@Test
	void whenTheRoleIsNotAMysqlRoleThenTheCheckRefusesThePassword() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.passwords.saveAndFlush(password("root", "root", null)))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_branch_password_role_check")).isTrue());
	}

	@Test
	void whenTheBranchIsDeletedThenItsPasswordsGoWithIt() {
		var password = this.passwords.saveAndFlush(password("doomed", "admin", null));
		this.entityManager.clear();

		this.jdbc.sql("delete from planetscale_branch where id = ?").param(branch()).update();

		assertThat(this.passwords.findById(password.getId())).isEmpty();
	}

	@Test
	void whenThePasswordChangedSinceItWasReadThenTheUpdateIsRefused() {
		var password = this.passwords.saveAndFlush(password("stale", "reader", 60));
		password.renew(this.now.plusSeconds(10));
		this.passwords.flush();
		assertThat(version(password.getId())).isOne();

		this.jdbc.sql("update planetscale_branch_password set version = version + 1 where id = ?")
			.param(password.getId())
			.update();
		password.update("renamed", null, this.now.plusSeconds(20));

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.passwords.flush());
	}

	private long version(String id) {
		return this.jdbc.sql("select version from planetscale_branch_password where id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private BranchPassword password(String name, String role, Integer ttlSeconds) {
		return BranchPassword
			.issue(branch(), name, role, List.of("10.0.0.0/8", "192.168.0.1/32"), false, false, ttlSeconds, null,
					this.now)
			.password();
	}

	private String branch() {
		return this.database.defaultBranchId();
	}

}
