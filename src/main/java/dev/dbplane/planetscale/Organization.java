package dev.dbplane.planetscale;

import java.time.Instant;

/**
 * An organization: the namespace databases live in. Created at start-up from
 * configuration (see {@link Organizations#ensure}), never through the API.
 */
class Organization {

	private final String id;

	private final String name;

	private final String billingEmail;

	private final String plan;

	private final String defaultRegionId;

	private final Instant createdAt;

	private final Instant updatedAt;

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

	/**
	 * An organization with nothing stored, for subclasses that answer only what they are
	 * asked.
	 */
	protected Organization() {
		this(null, null, null, null, null, null, null);
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
