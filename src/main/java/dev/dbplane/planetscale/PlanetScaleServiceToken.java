package dev.dbplane.planetscale;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A PlanetScale service token, a row of {@code planetscale_service_token}: only a hash of
 * its secret is kept. Its id is chosen when it is issued, so it says itself whether it is
 * new ({@link Persistable}): a save inserts without reading first.
 */
@Entity
@Table(name = "planetscale_service_token")
class PlanetScaleServiceToken implements Persistable<String> {

	@Id
	private String id;

	private String organizationId;

	private String name;

	private String secretHash;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant expiresAt;

	@Transient
	private boolean stored;

	/** For Hibernate. */
	protected PlanetScaleServiceToken() {
		this.stored = true;
	}

	PlanetScaleServiceToken(String id, String organizationId, String name, String secretHash, Instant now,
			Instant expiresAt) {
		this.id = id;
		this.organizationId = organizationId;
		this.name = name;
		this.secretHash = secretHash;
		this.createdAt = now;
		this.updatedAt = now;
		this.expiresAt = expiresAt;
	}

	PlanetScaleCredentials.ServiceToken listed() {
		return new PlanetScaleCredentials.ServiceToken(this.id, this.organizationId, this.name, this.createdAt,
				this.updatedAt, this.expiresAt);
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

}
