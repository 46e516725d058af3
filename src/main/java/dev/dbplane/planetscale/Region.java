package dev.dbplane.planetscale;

import java.util.Collections;
import java.util.List;

import dev.dbplane.persistence.StringListJson;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A region of the catalogue. Written only by the migration and by the start-up sync of
 * configured regions (both SQL upserts), so the application reads it and never changes
 * it.
 */
@Entity
@Table(name = "planetscale_region")
class Region {

	@Id
	private String id;

	private String slug;

	private String provider;

	private String displayName;

	private String location;

	@Convert(converter = StringListJson.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private List<String> publicIpAddresses;

	private boolean mysqlSupported;

	private boolean postgresqlSupported;

	private boolean enabled;

	private int sortOrder;

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

	/** For Hibernate. */
	protected Region() {
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
