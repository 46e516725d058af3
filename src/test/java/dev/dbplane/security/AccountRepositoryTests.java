package dev.dbplane.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.dbplane.RepositoryTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts: created only by the insert-if-absent of the key issuer, and asked whether
 * they exist.
 */
class AccountRepositoryTests extends RepositoryTest {

	private static final Instant FIRST = Instant.parse("2024-01-02T03:04:05.123456Z");

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whenAnAccountIsEnsuredThenItExistsWithTheDatabasesCreationTime() {
		var account = unique("acct");
		assertThat(this.accounts.existsById(account)).isFalse();

		this.accounts.ensure(account);

		assertThat(this.accounts.existsById(account)).isTrue();
		var databaseNow = this.jdbc.sql("select now()").query(OffsetDateTime.class).single().toInstant();
		assertThat(this.accounts.findById(account).orElseThrow().getCreatedAt()).isEqualTo(databaseNow);
	}

	@Test
	void whenAnExistingAccountIsEnsuredAgainThenItsFirstRowStaysUnchanged() {
		var account = unique("acct");
		this.accounts.ensure(account);
		this.jdbc.sql("update account set created_at = ? where id = ?")
			.params(FIRST.atOffset(ZoneOffset.UTC), account)
			.update();

		this.accounts.ensure(account);
		this.entityManager.clear();

		assertThat(this.jdbc.sql("select count(*) from account where id = ?").param(account).query(Long.class).single())
			.isOne();
		assertThat(this.accounts.findById(account).orElseThrow().getCreatedAt()).isEqualTo(FIRST);
	}

	@Test
	void whenAnAccountIsEnsuredThenOnlyThatAccountExists() {
		var account = unique("acct");

		this.accounts.ensure(account);

		assertThat(this.accounts.existsById(account + "x")).isFalse();
		assertThat(this.accounts.existsById(account.toUpperCase())).isFalse();
	}

}
