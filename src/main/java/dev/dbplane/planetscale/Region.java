package dev.dbplane.planetscale;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region of the catalogue. Written only by the migration and by the start-up sync of
 * configured regions, so the application reads it and never changes it.
 */
@Entity
@Immutable
@Table(name = "planetscale_region")
class Region {

	@Id
	private String id;

	private String slug;

	private String provider;

	private String displayName;

	private String location;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<String> publicIpAddresses;

	private boolean mysqlSupported;

	private boolean postgresqlSupported;

	private boolean enabled;

	private int sortOrder;

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
		return (this.publicIpAddresses != null) ? this.publicIpAddresses : List.of();
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
