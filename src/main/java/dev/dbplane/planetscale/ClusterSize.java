package dev.dbplane.planetscale;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cluster size (SKU) of the catalogue; read-only for the application. */
@Entity
@Table(name = "planetscale_cluster_size")
class ClusterSize {

	@Id
	private String name;

	@Convert(converter = Engine.Column.class)
	private Engine engine;

	private String displayName;

	private String cpu;

	private long ram;

	private Long storage;

	private boolean metal;

	private String provider;

	private String providerInstanceType;

	private String architecture;

	private String defaultVtgate;

	private Integer defaultVtgateRate;

	private Integer rate;

	private Integer replicaRate;

	private int sortOrder;

	private boolean development;

	private boolean production;

	private boolean enabled;

	ClusterSize(String name, Engine engine, String displayName, String cpu, long ram, Long storage, boolean metal,
			String provider, String providerInstanceType, String architecture, String defaultVtgate,
			Integer defaultVtgateRate, Integer rate, Integer replicaRate, int sortOrder, boolean development,
			boolean production, boolean enabled) {
		this.name = name;
		this.engine = engine;
		this.displayName = displayName;
		this.cpu = cpu;
		this.ram = ram;
		this.storage = storage;
		this.metal = metal;
		this.provider = provider;
		this.providerInstanceType = providerInstanceType;
		this.architecture = architecture;
		this.defaultVtgate = defaultVtgate;
		this.defaultVtgateRate = defaultVtgateRate;
		this.rate = rate;
		this.replicaRate = replicaRate;
		this.sortOrder = sortOrder;
		this.development = development;
		this.production = production;
		this.enabled = enabled;
	}

	/** For Hibernate. */
	protected ClusterSize() {
	}

	/**
	 * Whether a database in {@code region} may have this size: sizes tied to a provider
	 * are offered only in that provider's regions.
	 */
	boolean offeredIn(Region region) {
		return this.provider == null || this.provider.equalsIgnoreCase(region.getProvider());
	}

	String getName() {
		return this.name;
	}

	Engine getEngine() {
		return this.engine;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getCpu() {
		return this.cpu;
	}

	long getRam() {
		return this.ram;
	}

	Long getStorage() {
		return this.storage;
	}

	boolean isMetal() {
		return this.metal;
	}

	String getProvider() {
		return this.provider;
	}

	String getProviderInstanceType() {
		return this.providerInstanceType;
	}

	String getArchitecture() {
		return this.architecture;
	}

	String getDefaultVtgate() {
		return this.defaultVtgate;
	}

	Integer getDefaultVtgateRate() {
		return this.defaultVtgateRate;
	}

	Integer getRate() {
		return this.rate;
	}

	Integer getReplicaRate() {
		return this.replicaRate;
	}

	int getSortOrder() {
		return this.sortOrder;
	}

	boolean isDevelopment() {
		return this.development;
	}

	boolean isProduction() {
		return this.production;
	}

	/** Whether the catalogue row is enabled; configuration may still disable it. */
	boolean isEnabled() {
		return this.enabled;
	}

}
