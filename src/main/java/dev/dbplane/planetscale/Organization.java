package dev.dbplane.planetscale;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organization: the namespace databases live in. Created at start-up from
 * configuration (see {@link Organizations#ensure}), never through the API.
 */
@Entity
@Table(name = "planetscale_organization")
class Organization {

	@Id
	private String id;

	private String name;

	private String billingEmail;

	private String plan;

	private String defaultRegionId;

	private Instant createdAt;

	private Instant updatedAt;

	Organization(String id, String name, String billingEmail, String plan, String defaultRegionId, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.name = name;
		this.billingEmail = billingEmail;
		this.plan = plan;
		this.defaultRegionId = defaultRegionId;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/** For Hibernate. */
	protected Organization() {
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getBillingEmail() {
		return this.billingEmail;
	}

	String getPlan() {
		return this.plan;
	}

	/** The region new databases go to when they name none. */
	String getDefaultRegionId() {
		return this.defaultRegionId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
