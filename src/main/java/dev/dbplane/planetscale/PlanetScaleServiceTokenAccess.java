package dev.dbplane.planetscale;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One access of a service token, a row of {@code planetscale_service_token_access}: for
 * one database, or organization-wide when {@code databaseId} is null. Inserted only by
 * {@link PlanetScaleServiceTokenRepositoryCustom#grantUnlessHeld}.
 */
@Entity
@Table(name = "planetscale_service_token_access")
class PlanetScaleServiceTokenAccess {

	@Id
	private String id;

	private String tokenId;

	private String access;

	private String databaseId;

	private Instant createdAt;

	/** For Hibernate. */
	protected PlanetScaleServiceTokenAccess() {
	}

	String getAccess() {
		return this.access;
	}

	PlanetScaleCredentials.Access listed() {
		return new PlanetScaleCredentials.Access(this.id, this.access, this.databaseId, this.createdAt);
	}

}
