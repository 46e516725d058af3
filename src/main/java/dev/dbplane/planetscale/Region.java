package dev.dbplane.planetscale;

import java.util.Collections;
import java.util.List;

/**
 * A region of the catalogue. Written only by the migration and by the start-up sync of
 * configured regions, so the application reads it and never changes it.
 */
final class Region {

	private final String id;

	private final String slug;

	private final String provider;

	private final String displayName;

	private final String location;

	private final List<String> publicIpAddresses;

	private final boolean mysqlSupported;

	private final boolean postgresqlSupported;

	private final boolean enabled;

	private final int sortOrder;

	Region(String id, String slug, String provider, String displayName, String location, List<String> publicIpAddresses,
			boolean mysqlSupported, boolean postgresqlSupported, boolean enabled, int sortOrder) {
		this.id = id;
		this.slug = slug;
		this.provider = provider;
		this.displayName = displayName;
		this.location = location;
		this.publicIpAddresses = (publicIpAddresses != null) ? Collections.unmodifiableList(publicIpAddresses)
				: List.of();
		this.mysqlSupported = mysqlSupported;
		this.postgresqlSupported = postgresqlSupported;
		this.enabled = enabled;
		this.sortOrder = sortOrder;
	}

	boolean supports(Engine engine) {
		return (engine == Engine.POSTGRESQL) ? this.postgresqlSupported : this.mysqlSupported;
	}

	String getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	String getProvider() {
		return this.provider;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getLocation() {
		return this.location;
	}

	List<String> getPublicIpAddresses() {
		return this.publicIpAddresses;
	}

	boolean isMysqlSupported() {
		return this.mysqlSupported;
	}

	boolean isPostgresqlSupported() {
		return this.postgresqlSupported;
	}

	/** Whether the catalogue row is enabled; configuration may still disable it. */
	boolean isEnabled() {
		return this.enabled;
	}

	int getSortOrder() {
		return this.sortOrder;
	}

}
