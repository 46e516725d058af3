package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link PlanetScaleServiceTokenRepositoryImpl} does in SQL, and says why: the
 * writes that must be atomic against a concurrent one (JPA has no insert-if-absent or
 * upsert), and the credential checks, run whenever the credential cache misses, that read
 * the token and its organization's name in one statement without loading either entity.
 */
interface PlanetScaleServiceTokenRepositoryCustom {

	/** A service token that is not expired, and its organization. */
	record ValidToken(String secretHash, String organizationId, String organizationName) {
	}

	/** The organization of a Bearer token that is not revoked. */
	record BearerOwner(String organizationId, String organizationName) {
	}

	/**
	 * Creates the service token or gives it a new secret and no expiry, in one statement.
	 * @return false when the id belongs to another organization
	 */
	boolean upsertServiceToken(String organizationId, String id, String secretHash, Instant now);

	/** Gives a token an access unless it holds it already; one statement. */
	void grantUnlessHeld(String tokenId, String access, String databaseId, Instant now);

	/** Stores a Bearer token unless one with that hash exists; one statement. */
	void insertAccessTokenUnlessExists(String organizationId, String secretHash, Instant now);

	/** The token {@code id} unless it has expired by {@code now}. */
	Optional<ValidToken> findValidServiceToken(String id, Instant now);

	Optional<BearerOwner> findBearerOwner(String secretHash);

}
