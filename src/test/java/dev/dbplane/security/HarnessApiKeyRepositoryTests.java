package dev.dbplane.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import dev.dbplane.RepositoryTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HarnessApiKeyRepositoryTests extends RepositoryTest {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private HarnessApiKeyRepository keys;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whenAnAccountIsEnsuredTwiceThenItExistsOnce() {
		var account = unique("acct");

		this.accounts.ensure(account);
		this.accounts.ensure(account);

		assertThat(this.accounts.existsById(account)).isTrue();
		assertThat(this.accounts.findById(account).orElseThrow().getCreatedAt()).isNotNull();
	}

	@Test
	void whenAKeyIsSavedThenItIsReadBackWithItsPermissionsInTheStoredForm() {
		var account = account();
		var key = key(unique("k"), account, Instant.now());

		this.keys.saveAndFlush(key);
		this.entityManager.clear();

		var found = this.keys.findById(key.id()).orElseThrow();
		assertThat(found.accountId()).isEqualTo(account);
		assertThat(found.permissions()).containsExactlyInAnyOrder(HarnessPermission.view, HarnessPermission.edit);
		assertThat(found.isRevoked()).isFalse();
		assertThat(this.jdbc.sql("select permissions from harness_api_key where id = ?")
			.param(key.id())
			.query(String.class)
			.single()).isEqualTo("edit view");
	}

	@Test
	void whenAKeyOfAnUnknownAccountIsSavedThenTheForeignKeyRefusesIt() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.keys.saveAndFlush(key(unique("k"), unique("nobody"), Instant.now())));
	}

	@Test
	void whenAKeyIsRevokedTwiceThenItKeepsTheFirstTime() {
		var account = account();
		var key = this.keys.saveAndFlush(key(unique("k"), account, Instant.now()));
		var first = Instant.parse("2026-01-01T00:00:00Z");

		assertThat(this.keys.revoke(account, key.id(), first)).isOne();
		assertThat(this.keys.revoke(account, key.id(), first.plusSeconds(60))).isOne();
		assertThat(this.keys.revoke(unique("other"), key.id(), first)).isZero();

		assertThat(this.keys.findById(key.id()).orElseThrow().revokedAt()).isEqualTo(first);
	}

	@Test
	void whenAnAccountsKeysAreListedThenTheyComeOldestFirst() {
		var account = account();
		var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.keys.saveAndFlush(key("b_" + unique("k"), account, now.plusSeconds(1)));
		this.keys.saveAndFlush(key("a_" + unique("k"), account, now.plusSeconds(2)));
		this.keys.saveAndFlush(key("c_" + unique("k"), account, now));

		assertThat(this.keys.findByAccountIdOrderByCreatedAtAscIdAsc(account)).extracting(HarnessApiKey::id)
			.satisfiesExactly((id) -> assertThat(id).startsWith("c_"), (id) -> assertThat(id).startsWith("b_"),
					(id) -> assertThat(id).startsWith("a_"));
	}

	private String account() {
		var account = unique("acct");
		this.accounts.ensure(account);
		return account;
	}

	private static HarnessApiKey key(String id, String account, Instant createdAt) {
		return new HarnessApiKey(id.substring(0, Math.min(32, id.length())), account, "pat", "test", "hash",
				EnumSet.of(HarnessPermission.view, HarnessPermission.edit), createdAt.truncatedTo(ChronoUnit.MICROS));
	}

}
