package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.dbplane.web.ApiException;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A branch of a database, of the database's kind. Its region, cluster and parent are
 * fixed at creation, except what Terraform's resize and cluster changes set. Readiness is
 * decided by the row alone, as for databases: a pending branch is ready from
 * {@code readyAt} on, for every replica and after any restart. A branch whose database a
 * data plane creates is pending besides until that work is recorded done
 * ({@link BranchProvisioning}).
 */
@Entity
@Table(name = "planetscale_branch")
@DynamicUpdate
class Branch {

	@Id
	private String id;

	private String databaseId;

	private String name;

	private String parentBranch;

	private boolean production;

	private String regionId;

	private String clusterName;

	private String majorVersion;

	private Integer replicas;

	@Convert(converter = DatabaseStates.class)
	private DatabaseState state;

	private Instant readyAt;

	/** Null when no data plane works for the branch, or its work is done. */
	@Enumerated(EnumType.STRING)
	private Provisioning provisioning;

	private boolean deletionProtected;

	private boolean safeMigrations;

	private String vtgateSize;

	private int vtgateCount;

	private boolean vtgateAutoscaling;

	private Integer vtgateMaxCount;

	@Column(name = "vtgate_target_cpu_utilization")
	private Integer vtgateTargetCpuUtilization;

	@Convert(converter = JsonText.Parameters.class)
	private Map<String, Map<String, String>> parameters;

	private String actorId;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * Null until stored: Spring Data persists, rather than merges, a branch without one.
	 */
	@Version
	private Long version;

	protected Branch() {
	}

	/** A new development branch of a database, not stored yet. */
	Branch(String databaseId, String name, String parentBranch, Region region, ClusterSize size, String majorVersion,
			Integer replicas, boolean deletionProtected, boolean safeMigrations, String actorId, Instant now,
			Duration provisioningDelay, boolean provisioned) {
		this.id = PublicIds.next();
		this.databaseId = databaseId;
		this.name = name;
		this.parentBranch = parentBranch;
		this.production = false;
		this.regionId = region.getId();
		this.clusterName = size.getName();
		this.majorVersion = majorVersion;
		this.replicas = replicas;
		this.state = DatabaseState.PENDING;
		this.readyAt = now.plus(provisioningDelay);
		this.provisioning = provisioned ? Provisioning.WAITING : null;
		this.deletionProtected = deletionProtected;
		this.safeMigrations = safeMigrations;
		this.vtgateSize = defaultVtgateSize(size);
		this.vtgateCount = defaultVtgateCount(size);
		this.vtgateAutoscaling = false;
		this.actorId = actorId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** The vtgate size a new branch of {@code size} gets: none for PostgreSQL. */
	static String defaultVtgateSize(ClusterSize size) {
		return (size.getDefaultVtgate() != null) ? size.getDefaultVtgate() : "";
	}

	/**
	 * How many vtgates a new branch of {@code size} gets: two for MySQL, none for
	 * PostgreSQL.
	 */
	static int defaultVtgateCount(ClusterSize size) {
		return (size.getEngine() == Engine.MYSQL) ? 2 : 0;
	}

	/**
	 * The state as of {@code now}: a pending branch whose provisioning time has passed is
	 * ready, whether or not that has been written back yet.
	 */
	DatabaseState stateAt(Instant now) {
		if (this.provisioning != null) {
			return DatabaseState.PENDING;
		}
		if (this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)) {
			return DatabaseState.READY;
		}
		return this.state;
	}

	/** When the branch last changed as of {@code now}, becoming ready included. */
	Instant updatedAtAsOf(Instant now) {
		if (this.provisioning == null && this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)
				&& this.readyAt.isAfter(this.updatedAt)) {
			return this.readyAt;
		}
		return this.updatedAt;
	}

	/**
	 * Applies a PATCH: a non-null value replaces the stored one.
	 * @return whether anything changed
	 */
	boolean update(String newName, Boolean deletionProtected, Instant now) {
		return change(now, () -> {
			if (newName != null) {
				this.name = newName;
			}
			if (deletionProtected != null) {
				this.deletionProtected = deletionProtected;
			}
		});
	}

	/** Turns safe migrations on or off. */
	boolean changeSafeMigrations(boolean enabled, Instant now) {
		return change(now, () -> this.safeMigrations = enabled);
	}

	/**
	 * Applies a vtgate resize at once; a null value keeps what is set.
	 */
	boolean resize(String vtgateSize, Integer vtgateCount, Integer vtgateMaxCount, Boolean vtgateAutoscaling,
			Integer vtgateTargetCpuUtilization, Instant now) {
		return change(now, () -> {
			if (vtgateSize != null) {
				this.vtgateSize = vtgateSize;
			}
			if (vtgateCount != null) {
				this.vtgateCount = vtgateCount;
			}
			if (vtgateMaxCount != null) {
				this.vtgateMaxCount = vtgateMaxCount;
			}
			if (vtgateAutoscaling != null) {
				this.vtgateAutoscaling = vtgateAutoscaling;
			}
			if (vtgateTargetCpuUtilization != null) {
				this.vtgateTargetCpuUtilization = vtgateTargetCpuUtilization;
			}
		});
	}

	/**
	 * Applies a cluster change at once: a new size when one is given, and the parameter
	 * overrides, which replace the stored ones whole (omitted ones go back to their
	 * defaults).
	 */
	boolean changeCluster(String clusterName, Map<String, Map<String, String>> parameters, Instant now) {
		return change(now, () -> {
			if (clusterName != null) {
				this.clusterName = clusterName;
			}
			this.parameters = (parameters != null && !parameters.isEmpty()) ? parameters : null;
		});
	}

	/** Makes a development branch a production one; refused for a production branch. */
	void promote(Instant now) {
		if (this.production) {
			throw ApiException.invalid("Branch " + this.name + " is already a production branch");
		}
		change(now, () -> this.production = true);
	}

	/** Makes a production branch a development one; refused for a development branch. */
	void demote(Instant now) {
		if (!this.production) {
			throw ApiException.invalid("Branch " + this.name + " is not a production branch");
		}
		change(now, () -> this.production = false);
	}

	/**
	 * Applies a change request at once: a size and a replica count when given, and the
	 * parameter values named, which are set over the stored ones.
	 * @return whether anything changed
	 */
	boolean upsertCluster(String clusterName, Integer replicas, Map<String, Map<String, String>> parameters,
			Instant now) {
		return change(now, () -> {
			if (clusterName != null) {
				this.clusterName = clusterName;
			}
			if (replicas != null) {
				this.replicas = replicas;
			}
			if (parameters != null && !parameters.isEmpty()) {
				var merged = new TreeMap<String, Map<String, String>>();
				if (this.parameters != null) {
					this.parameters.forEach((namespace, values) -> merged.put(namespace, new TreeMap<>(values)));
				}
				parameters.forEach((namespace, values) -> merged.computeIfAbsent(namespace, (key) -> new TreeMap<>())
					.putAll(values));
				this.parameters = merged;
			}
		});
	}

	/**
	 * Takes the data plane's work for this branch if it is still to be asked for.
	 * @return whether the caller must now ask for it (in the transaction that stores
	 * this)
	 */
	boolean takeProvisioning() {
		if (this.provisioning != Provisioning.WAITING) {
			return false;
		}
		this.provisioning = Provisioning.REQUESTED;
		return true;
	}

	/** Records that the parent branch was renamed. */
	void reparent(String parentName) {
		this.parentBranch = parentName;
	}

	/** Throws unless the branch may be deleted now. */
	void requireDeletable() {
		if (this.deletionProtected) {
			throw ApiException.invalid(
					"Branch " + this.name + " is deletion_protected; set deletion_protected to false to delete it");
		}
	}

	private boolean change(Instant now, Runnable change) {
		var before = snapshot();
		change.run();
		if (before.equals(snapshot())) {
			return false;
		}
		this.state = stateAt(now);
		this.updatedAt = now;
		return true;
	}

	private Object snapshot() {
		return Arrays.asList(this.name, this.production, this.deletionProtected, this.safeMigrations, this.vtgateSize,
				this.vtgateCount, this.vtgateMaxCount, this.vtgateAutoscaling, this.vtgateTargetCpuUtilization,
				this.clusterName, this.replicas, this.parameters);
	}

	String getId() {
		return this.id;
	}

	String getDatabaseId() {
		return this.databaseId;
	}

	String getName() {
		return this.name;
	}

	String getParentBranch() {
		return this.parentBranch;
	}

	boolean isProduction() {
		return this.production;
	}

	String getRegionId() {
		return this.regionId;
	}

	String getClusterName() {
		return this.clusterName;
	}

	String getMajorVersion() {
		return this.majorVersion;
	}

	Integer getReplicas() {
		return this.replicas;
	}

	Provisioning getProvisioning() {
		return this.provisioning;
	}

	Instant getReadyAt() {
		return this.readyAt;
	}

	boolean isDeletionProtected() {
		return this.deletionProtected;
	}

	boolean isSafeMigrations() {
		return this.safeMigrations;
	}

	String getVtgateSize() {
		return this.vtgateSize;
	}

	int getVtgateCount() {
		return this.vtgateCount;
	}

	boolean isVtgateAutoscaling() {
		return this.vtgateAutoscaling;
	}

	Integer getVtgateMaxCount() {
		return this.vtgateMaxCount;
	}

	Integer getVtgateTargetCpuUtilization() {
		return this.vtgateTargetCpuUtilization;
	}

	Map<String, Map<String, String>> getParameters() {
		return this.parameters;
	}

	String getActorId() {
		return this.actorId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** Where the data plane's work for a branch stands. */
	enum Provisioning {

		/** To be asked for: no task stored yet. */
		WAITING,

		/** Its tasks are stored and not all done. */
		REQUESTED

	}

}
