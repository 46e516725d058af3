package dev.dbplane.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.dbplane.persistence.TimestampColumns.instant;
import static dev.dbplane.persistence.TimestampColumns.timestamptz;

/**
 * PlanetScale service tokens (with their accesses) and Bearer access tokens: issuing,
 * granting, revoking, and checking a presented credential. Secrets are shown once and
 * stored as hashes.
 */
@Service
public class PlanetScaleCredentials {

	public static final String SERVICE_TOKEN_PREFIX = "pscale_tkn_";

	public static final String ACCESS_TOKEN_PREFIX = "pscale_oauth_";

	private static final Pattern TOKEN_ID = Pattern.compile("^[a-z0-9]{12}$");

	private static final Pattern SECRET = Pattern.compile("^[A-Za-z0-9_-]{8,256}$");

	private final JdbcClient jdbc;

	private final CredentialCache<String, Optional<StoredServiceToken>> serviceTokens;

	private final CredentialCache<String, Optional<PlanetScalePrincipal>> accessTokens;

	PlanetScaleCredentials(JdbcClient jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.serviceTokens = new CredentialCache<>(properties.credentialCacheTtl());
		this.accessTokens = new CredentialCache<>(properties.credentialCacheTtl());
	}

	/** A service token as listed: never its secret. */
	public record ServiceToken(String id, String organizationId, String name, Instant createdAt, Instant updatedAt,
			Instant expiresAt) {
	}

	/**
	 * One access of a service token; {@code databaseId} is null for organization-wide.
	 */
	public record Access(String id, String access, String databaseId, Instant createdAt) {
	}

	/** A newly issued credential: {@code secret} is the only time it is ever shown. */
	public record Issued(String id, String secret) {
	}

	@Transactional
	public Issued issueServiceToken(String organizationId, String name, Collection<String> organizationWideAccesses,
			Duration ttl) {
		var id = Secrets.randomLowerBase36(12);
		var secret = SERVICE_TOKEN_PREFIX + Secrets.random(40);
		var now = now();
		this.jdbc.sql("""
				insert into planetscale_service_token (id, organization_id, name, secret_hash, created_at, updated_at,
				    expires_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, organizationId, name, Secrets.hash(secret), timestamptz(now), timestamptz(now),
					(ttl != null) ? timestamptz(now.plus(ttl)) : null)
			.update();
		grant(id, organizationWideAccesses, null);
		return new Issued(id, secret);
	}

	/**
	 * Declares a service token whose id and secret come from configuration, with every
	 * access organization-wide. Idempotent; configuration wins over what is stored.
	 */
	@Transactional
	public void declareServiceToken(String organizationId, String id, String secret) {
		if (!TOKEN_ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
			throw new IllegalArgumentException(
					"A declared service token needs a 12-character lowercase id and a secret of 8+ characters");
		}
		var now = now();
		var updated = this.jdbc.sql("""
				insert into planetscale_service_token (id, organization_id, name, secret_hash, created_at, updated_at)
				values (?, ?, 'bootstrap', ?, ?, ?)
				on conflict (id) do update set secret_hash = excluded.secret_hash, updated_at = excluded.updated_at,
				    expires_at = null
				where planetscale_service_token.organization_id = excluded.organization_id""")
			.params(id, organizationId, Secrets.hash(secret), timestamptz(now), timestamptz(now))
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("Service token id " + id + " belongs to another organization");
		}
		grant(id, PlanetScaleAccesses.all(), null);
		this.serviceTokens.evict(id);
	}

	@Transactional
	public Issued issueAccessToken(String organizationId, String name) {
		var id = Secrets.randomLowerBase36(12);
		var secret = ACCESS_TOKEN_PREFIX + Secrets.random(40);
		this.jdbc.sql("""
				insert into planetscale_access_token (id, organization_id, name, secret_hash, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(id, organizationId, name, Secrets.hash(secret), timestamptz(now()))
			.update();
		return new Issued(id, secret);
	}

	/** Declares a Bearer token whose value comes from configuration. Idempotent. */
	@Transactional
	public void declareAccessToken(String organizationId, String secret) {
		if (!SECRET.matcher(secret).matches()) {
			throw new IllegalArgumentException("A declared access token needs 8+ characters of [A-Za-z0-9_-]");
		}
		this.jdbc.sql("""
				insert into planetscale_access_token (id, organization_id, name, secret_hash, created_at)
				values (?, ?, 'bootstrap', ?, ?) on conflict (secret_hash) do nothing""")
			.params(Secrets.randomLowerBase36(12), organizationId, Secrets.hash(secret), timestamptz(now()))
			.update();
	}

	@Transactional(readOnly = true)
	public boolean anyExists() {
		return this.jdbc.sql("""
				select exists (select 1 from planetscale_service_token)
				    or exists (select 1 from planetscale_access_token)""").query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	public List<ServiceToken> list(String organizationId) {
		return this.jdbc.sql("""
				select id, organization_id, name, created_at, updated_at, expires_at from planetscale_service_token
				where organization_id = ? order by created_at, id""")
			.param(organizationId)
			.query(PlanetScaleCredentials::serviceToken)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ServiceToken> find(String organizationId, String id) {
		return this.jdbc.sql("""
				select id, organization_id, name, created_at, updated_at, expires_at from planetscale_service_token
				where organization_id = ? and id = ?""")
			.params(organizationId, id)
			.query(PlanetScaleCredentials::serviceToken)
			.optional();
	}

	@Transactional
	public boolean delete(String organizationId, String id) {
		var deleted = this.jdbc.sql("delete from planetscale_service_token where organization_id = ? and id = ?")
			.params(organizationId, id)
			.update();
		this.serviceTokens.evict(id);
		return deleted > 0;
	}

	@Transactional(readOnly = true)
	public List<Access> accesses(String tokenId) {
		return this.jdbc.sql("""
				select id, access, database_id, created_at from planetscale_service_token_access
				where token_id = ? order by created_at, access, id""")
			.param(tokenId)
			.query((rs, row) -> new Access(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
			.list();
	}

	/**
	 * Grants accesses, for one database or (databaseId null) organization-wide.
	 * Idempotent.
	 */
	@Transactional
	public void grant(String tokenId, Collection<String> accesses, String databaseId) {
		if (accesses.isEmpty()) {
			return;
		}
		var now = timestamptz(now());
		for (var access : accesses) {
			this.jdbc.sql("""
					insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
					values (?, ?, ?, ?, ?)
					on conflict (token_id, access, coalesce(database_id, '')) do nothing""")
				.params(Secrets.randomLowerBase36(12), tokenId, access, databaseId, now)
				.update();
		}
		this.jdbc.sql("update planetscale_service_token set updated_at = ? where id = ?").params(now, tokenId).update();
		this.serviceTokens.evict(tokenId);
	}

	/**
	 * The database-level accesses a token holds on one database (not counting
	 * organization-wide ones). One select, read on every request of a token scoped to
	 * databases, so it opens no transaction of its own (it joins the caller's, if any).
	 */
	public Set<String> accessesOn(String tokenId, String databaseId) {
		var accesses = this.jdbc.sql("""
				select access from planetscale_service_token_access where token_id = ? and database_id = ?""")
			.params(tokenId, databaseId)
			.query(String.class)
			.set();
		return accesses.contains(PlanetScaleAccesses.EVERY) ? PlanetScaleAccesses.DATABASE_LEVEL.keySet() : accesses;
	}

	@Transactional
	public void revoke(String tokenId, Collection<String> accesses, String databaseId) {
		for (var access : accesses) {
			this.jdbc.sql("""
					delete from planetscale_service_token_access
					where token_id = ? and access = ? and coalesce(database_id, '') = coalesce(?, '')""")
				.params(tokenId, access, databaseId)
				.update();
		}
		this.serviceTokens.evict(tokenId);
	}

	/**
	 * The caller behind {@code <id>:<secret>}, or empty when it is malformed, unknown or
	 * expired.
	 */
	public Optional<PlanetScalePrincipal> authenticateServiceToken(String header) {
		var colon = header.indexOf(':');
		if (colon <= 0) {
			return Optional.empty();
		}
		var id = header.substring(0, colon).strip();
		var secret = header.substring(colon + 1).strip();
		if (!TOKEN_ID.matcher(id).matches() || secret.isEmpty()) {
			return Optional.empty();
		}
		var stored = this.serviceTokens.get(id, this::loadServiceToken);
		return stored.filter((token) -> Secrets.matches(secret, token.hash())).map(StoredServiceToken::principal);
	}

	/**
	 * The same token's principal read afresh, for a grant another replica may have just
	 * made.
	 */
	public Optional<PlanetScalePrincipal> reload(PlanetScalePrincipal principal) {
		if (principal.bearer() || principal.tokenId() == null) {
			return Optional.of(principal);
		}
		this.serviceTokens.evict(principal.tokenId());
		return this.serviceTokens.get(principal.tokenId(), this::loadServiceToken).map(StoredServiceToken::principal);
	}

	public Optional<PlanetScalePrincipal> authenticateBearer(String token) {
		if (token.isEmpty()) {
			return Optional.empty();
		}
		var hash = Secrets.hash(token);
		return this.accessTokens.get(hash,
				(key) -> this.jdbc.sql("""
						select t.organization_id, o.name from planetscale_access_token t
						join planetscale_organization o on o.id = t.organization_id
						where t.secret_hash = ? and t.revoked_at is null""")
					.param(key)
					.query((rs, row) -> new PlanetScalePrincipal(rs.getString(1), rs.getString(2), null, true, Set.of(),
							Set.of()))
					.optional());
	}

	private Optional<StoredServiceToken> loadServiceToken(String id) {
		var token = this.jdbc.sql("""
				select t.secret_hash, t.organization_id, o.name from planetscale_service_token t
				join planetscale_organization o on o.id = t.organization_id
				where t.id = ? and (t.expires_at is null or t.expires_at > now())""")
			.param(id)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (token.isEmpty()) {
			return Optional.empty();
		}
		var organizationAccesses = new HashSet<String>();
		var allDatabases = new HashSet<String>();
		var organizationWide = this.jdbc.sql("""
				select access from planetscale_service_token_access where token_id = ? and database_id is null""")
			.param(id)
			.query(String.class)
			.list();
		for (var access : organizationWide) {
			(PlanetScaleAccesses.isDatabaseLevel(access) ? allDatabases : organizationAccesses).add(access);
		}
		var row = token.get();
		return Optional.of(new StoredServiceToken(row[0], new PlanetScalePrincipal(row[1], row[2], id, false,
				Set.copyOf(organizationAccesses), Set.copyOf(allDatabases))));
	}

	private record StoredServiceToken(String hash, PlanetScalePrincipal principal) {
	}

	private static ServiceToken serviceToken(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ServiceToken(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
				instant(rs, 6));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
