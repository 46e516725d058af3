package dev.dbplane.planetscale;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.dbplane.RepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlanetScaleServiceTokenRepositoryTests extends RepositoryTest {

	@Autowired
	private PlanetScaleServiceTokenRepository tokens;

	@Autowired
	private PlanetScaleServiceTokenAccessRepository accesses;

	@Autowired
	private JdbcClient jdbc;

	private String organizationId;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@BeforeEach
	void organization() {
		this.organizationId = unique("o").substring(0, 12);
		this.jdbc.sql("""
				insert into planetscale_organization (id, name, billing_email, plan, default_region_id, created_at,
				    updated_at)
				select ?, ?, 'a@b.c', 'scaler_pro', id, now(), now() from planetscale_region where slug = 'us-east'""")
			.params(this.organizationId, unique("org"))
			.update();
	}

	@Test
	void whenATokenIsSavedThenItIsListedWithoutItsSecretAndFoundOnlyInItsOrganization() {
		var id = unique("t").substring(0, 12);
		this.tokens.saveAndFlush(new PlanetScaleServiceToken(id, this.organizationId, "ci", "hash", this.now, null));

		assertThat(this.tokens.findByOrganizationIdOrderByCreatedAtAscIdAsc(this.organizationId))
			.extracting((token) -> token.listed().name())
			.containsExactly("ci");
		assertThat(this.tokens.findByOrganizationIdAndId(this.organizationId, id)).isPresent();
		assertThat(this.tokens.findByOrganizationIdAndId("nobody", id)).isEmpty();
		assertThat(this.tokens.findValidServiceToken(id, this.now)).get()
			.satisfies((valid) -> assertThat(valid.secretHash()).isEqualTo("hash"));
	}

	@Test
	void whenATokenHasExpiredThenTheCredentialCheckDoesNotFindIt() {
		var id = unique("t").substring(0, 12);
		var expiresAt = this.now.plusSeconds(60);
		this.tokens
			.saveAndFlush(new PlanetScaleServiceToken(id, this.organizationId, "old", "hash", this.now, expiresAt));

		assertThat(this.tokens.findValidServiceToken(id, expiresAt.minusMillis(1))).isPresent();
		assertThat(this.tokens.findValidServiceToken(id, expiresAt)).isEmpty();
	}

	@Test
	void whenAnAccessIsGrantedTwiceThenItIsHeldOnceAndRevokingTakesOnlyThatScope() {
		var id = unique("t").substring(0, 12);
		this.tokens.saveAndFlush(new PlanetScaleServiceToken(id, this.organizationId, "ci", "hash", this.now, null));

		this.tokens.grantUnlessHeld(id, "read_database", null, this.now);
		this.tokens.grantUnlessHeld(id, "read_database", null, this.now);
		this.tokens.grantUnlessHeld(id, "create_databases", null, this.now);

		assertThat(this.accesses.findOrganizationWide(id)).containsExactlyInAnyOrder("read_database",
				"create_databases");
		assertThat(this.accesses.revokeOrganizationWide(id, "read_database")).isOne();
		assertThat(this.accesses.findByTokenIdOrderByCreatedAtAscAccessAscIdAsc(id))
			.extracting(PlanetScaleServiceTokenAccess::getAccess)
			.containsExactly("create_databases");
	}

	@Test
	void whenADeclaredTokenIdBelongsToAnotherOrganizationThenTheUpsertRefusesIt() {
		var id = unique("t").substring(0, 12);

		assertThat(this.tokens.upsertServiceToken(this.organizationId, id, "first", this.now)).isTrue();
		assertThat(this.tokens.upsertServiceToken(this.organizationId, id, "second", this.now)).isTrue();
		assertThat(this.tokens.findValidServiceToken(id, this.now).orElseThrow().secretHash()).isEqualTo("second");
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> this.tokens.upsertServiceToken("nosuchorg000", unique("t").substring(0, 12), "x", this.now));
	}

	@Test
	void whenATokenIsDeletedThenItsAccessesGoWithIt() {
		var id = unique("t").substring(0, 12);
		this.tokens.saveAndFlush(new PlanetScaleServiceToken(id, this.organizationId, "ci", "hash", this.now, null));
		this.tokens.grantUnlessHeld(id, "read_database", null, this.now);

		assertThat(this.tokens.delete(this.organizationId, id)).isOne();
		assertThat(this.accesses.findOrganizationWide(id)).isEmpty();
	}

	@Test
	void whenABearerTokenIsDeclaredTwiceThenOneRowAnswersForIt() {
		this.tokens.insertAccessTokenUnlessExists(this.organizationId, "bearer-" + this.organizationId, this.now);
		this.tokens.insertAccessTokenUnlessExists(this.organizationId, "bearer-" + this.organizationId, this.now);

		assertThat(this.tokens.findBearerOwner("bearer-" + this.organizationId)).get()
			.satisfies((owner) -> assertThat(owner.organizationId()).isEqualTo(this.organizationId));
		assertThat(this.jdbc.sql("select count(*) from planetscale_access_token where organization_id = ?")
			.param(this.organizationId)
			.query(Long.class)
			.single()).isOne();
	}

}
