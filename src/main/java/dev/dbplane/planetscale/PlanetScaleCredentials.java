package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.dbplane.security.CredentialCache;
import dev.dbplane.security.PlanetScaleCredentialCheck;
import dev.dbplane.security.Secrets;
import dev.dbplane.security.SecurityProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PlanetScale service tokens (issuing, granting and revoking their accesses) and Bearer
 * access tokens (declared by configuration), and checking a presented credential. Secrets
 * are shown once and stored as hashes.
 */
@Service
public class PlanetScaleCredentials implements PlanetScaleCredentialCheck {

	public static final String SERVICE_TOKEN_PREFIX = "pscale_tkn_";

	private static final Pattern TOKEN_ID = Pattern.compile("^[a-z0-9]{12}$");

	private static final Pattern SECRET = Pattern.compile("^[A-Za-z0-9_-]{8,256}$");

	private final PlanetScaleServiceTokenRepository tokens;

	private final PlanetScaleServiceTokenAccessRepository accesses;

	private final PlanetScaleAccessTokenRepository accessTokenRows;

	private final Clock clock;

	private final CredentialCache<String, Optional<StoredServiceToken>> serviceTokens;

	private final CredentialCache<String, Optional<PlanetScalePrincipal>> accessTokens;

	PlanetScaleCredentials(PlanetScaleServiceTokenRepository tokens, PlanetScaleServiceTokenAccessRepository accesses,
			PlanetScaleAccessTokenRepository accessTokenRows, SecurityProperties properties, Clock clock) {
		this.clock = clock;
		this.tokens = tokens;
		this.accesses = accesses;
		this.accessTokenRows = accessTokenRows;
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
		this.tokens.saveAndFlush(new PlanetScaleServiceToken(id, organizationId, name, Secrets.hash(secret), now,
				(ttl != null) ? now.plus(ttl) : null));
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
		if (!this.tokens.upsertServiceToken(organizationId, id, Secrets.hash(secret), now)) {
			throw new IllegalArgumentException("Service token id " + id + " belongs to another organization");
		}
		grant(id, PlanetScaleAccesses.all(), null);
		this.serviceTokens.evict(id);
	}

	/** Declares a Bearer token whose value comes from configuration. Idempotent. */
	@Transactional
	public void declareAccessToken(String organizationId, String secret) {
		if (!SECRET.matcher(secret).matches()) {
			throw new IllegalArgumentException("A declared access token needs 8+ characters of [A-Za-z0-9_-]");
		}
		this.tokens.insertAccessTokenUnlessExists(organizationId, Secrets.hash(secret), now());
	}

	@Transactional(readOnly = true)
	public boolean anyExists() {
		return this.tokens.count() > 0 || this.accessTokenRows.count() > 0;
	}

	@Transactional(readOnly = true)
	public List<ServiceToken> list(String organizationId) {
		return this.tokens.findByOrganizationIdOrderByCreatedAtAscIdAsc(organizationId)
			.stream()
			.map(PlanetScaleServiceToken::listed)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ServiceToken> find(String organizationId, String id) {
		return this.tokens.findByOrganizationIdAndId(organizationId, id).map(PlanetScaleServiceToken::listed);
	}

	@Transactional
	public boolean delete(String organizationId, String id) {
		var deleted = this.tokens.delete(organizationId, id);
		this.serviceTokens.evict(id);
		return deleted > 0;
	}

	@Transactional(readOnly = true)
	public List<Access> accesses(String tokenId) {
		return this.accesses.findByTokenIdOrderByCreatedAtAscAccessAscIdAsc(tokenId)
			.stream()
			.map(PlanetScaleServiceTokenAccess::listed)
			.toList();
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
		var now = now();
		for (var access : accesses) {
			this.tokens.grantUnlessHeld(tokenId, access, databaseId, now);
		}
		this.tokens.touch(tokenId, now);
		this.serviceTokens.evict(tokenId);
	}

	/**
	 * The database-level accesses a token holds on one database (not counting
	 * organization-wide ones). One select, read on every request of a token scoped to
	 * databases, so it opens no transaction of its own (it joins the caller's, if any).
	 */
	public Set<String> accessesOn(String tokenId, String databaseId) {
		var accesses = this.accesses.findAccessesOn(tokenId, databaseId);
		return accesses.contains(PlanetScaleAccesses.EVERY) ? PlanetScaleAccesses.DATABASE_LEVEL.keySet() : accesses;
	}

	@Transactional
	public void revoke(String tokenId, Collection<String> accesses, String databaseId) {
		for (var access : accesses) {
			if (databaseId == null) {
				this.accesses.revokeOrganizationWide(tokenId, access);
			}
			else {
				this.accesses.revokeOn(tokenId, access, databaseId);
			}
		}
		this.serviceTokens.evict(tokenId);
	}

	@Override
	public Optional<PlanetScalePrincipal> serviceToken(String header) {
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

	@Override
	public Optional<PlanetScalePrincipal> bearer(String token) {
		if (token.isEmpty()) {
			return Optional.empty();
		}
		var hash = Secrets.hash(token);
		return this.accessTokens.get(hash, (key) -> this.tokens.findBearerOwner(key)
			.map((owner) -> PlanetScalePrincipal.administrator(owner.organizationId(), owner.organizationName())));
	}

	private Optional<StoredServiceToken> loadServiceToken(String id) {
		var token = this.tokens.findValidServiceToken(id, now());
		if (token.isEmpty()) {
			return Optional.empty();
		}
		var organizationAccesses = new HashSet<String>();
		var allDatabases = new HashSet<String>();
		var organizationWide = this.accesses.findOrganizationWide(id);
		for (var access : organizationWide) {
			(PlanetScaleAccesses.isDatabaseLevel(access) ? allDatabases : organizationAccesses).add(access);
		}
		var row = token.get();
		return Optional.of(new StoredServiceToken(row.secretHash(), new PlanetScalePrincipal(row.organizationId(),
				row.organizationName(), id, false, Set.copyOf(organizationAccesses), Set.copyOf(allDatabases))));
	}

	private record StoredServiceToken(String hash, PlanetScalePrincipal principal) {
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
