package dev.dbplane.planetscale;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "default_region_id")
	private Region defaultRegion;

	private Instant createdAt;

	private Instant updatedAt;

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

	Region getDefaultRegion() {
		return this.defaultRegion;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
