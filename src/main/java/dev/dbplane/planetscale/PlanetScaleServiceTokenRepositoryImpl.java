package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.Optional;

import dev.dbplane.security.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.dbplane.persistence.TimestampColumns.timestamptz;

/**
 * The SQL of {@link PlanetScaleServiceTokenRepositoryCustom}; its comment says why it is
 * SQL.
 */
class PlanetScaleServiceTokenRepositoryImpl implements PlanetScaleServiceTokenRepositoryCustom {

	private final JdbcClient jdbc;

	PlanetScaleServiceTokenRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean upsertServiceToken(String organizationId, String id, String secretHash, Instant now) {
		return this.jdbc.sql("""
				insert into planetscale_service_token (id, organization_id, name, secret_hash, created_at, updated_at)
				values (?, ?, 'bootstrap', ?, ?, ?)
				on conflict (id) do update set secret_hash = excluded.secret_hash, updated_at = excluded.updated_at,
				    expires_at = null
				where planetscale_service_token.organization_id = excluded.organization_id""")
			.params(id, organizationId, secretHash, timestamptz(now), timestamptz(now))
			.update() > 0;
	}

	@Override
	public void grantUnlessHeld(String tokenId, String access, String databaseId, Instant now) {
		this.jdbc.sql("""
				insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
				values (?, ?, ?, ?, ?)
				on conflict (token_id, access, coalesce(database_id, '')) do nothing""")
			.params(Secrets.randomLowerBase36(12), tokenId, access, databaseId, timestamptz(now))
			.update();
	}

	@Override
	public void insertAccessTokenUnlessExists(String organizationId, String secretHash, Instant now) {
		this.jdbc.sql("""
				insert into planetscale_access_token (id, organization_id, name, secret_hash, created_at)
				values (?, ?, 'bootstrap', ?, ?) on conflict (secret_hash) do nothing""")
			.params(Secrets.randomLowerBase36(12), organizationId, secretHash, timestamptz(now))
			.update();
	}

	@Override
	public Optional<ValidToken> findValidServiceToken(String id, Instant now) {
		return this.jdbc.sql("""
				select t.secret_hash, t.organization_id, o.name from planetscale_service_token t
				join planetscale_organization o on o.id = t.organization_id
				where t.id = ? and (t.expires_at is null or t.expires_at > ?)""")
			.params(id, timestamptz(now))
			.query((rs, row) -> new ValidToken(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	@Override
	public Optional<BearerOwner> findBearerOwner(String secretHash) {
		return this.jdbc.sql("""
				select t.organization_id, o.name from planetscale_access_token t
				join planetscale_organization o on o.id = t.organization_id
				where t.secret_hash = ? and t.revoked_at is null""")
			.param(secretHash)
			.query((rs, row) -> new BearerOwner(rs.getString(1), rs.getString(2)))
			.optional();
	}

}
