package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.dbplane.web.ApiException;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A database of an organization. Its kind, region and cluster size are fixed at creation;
 * its settings change by PATCH. Readiness is decided by the stored row alone: a pending
 * database is ready from {@code readyAt} on, for every replica that reads it and after
 * any restart.
 */
@Entity
@Table(name = "planetscale_database")
class Database {

	static final String DEFAULT_BRANCH = "main";

	@Id
	private String id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	private String name;

	@Convert(converter = Engine.Column.class)
	private Engine kind;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "region_id")
	private Region region;

	private String clusterSize;

	private Integer replicas;

	private String majorVersion;

	private Long minimumStorageBytes;

	private Long maximumStorageBytes;

	private String plan;

	@Convert(converter = DatabaseState.Column.class)
	private DatabaseState state;

	private Instant readyAt;

	private String defaultBranch;

	private boolean requireApprovalForDeploy;

	private boolean deletionProtected;

	private boolean allowDataBranching;

	private boolean foreignKeysEnabled;

	private Boolean automaticMigrations;

	private String migrationFramework;

	private String migrationTableName;

	private boolean restrictBranchRegion;

	private boolean insightsRawQueries;

	private boolean productionBranchWebConsole;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	protected Database() {
	}

	Database(Organization organization, String name, Engine kind, Region region, ClusterSize clusterSize,
			Integer replicas, String majorVersion, Long minimumStorageBytes, Long maximumStorageBytes, Instant now,
			Duration provisioningDelay) {
		this.id = PublicIds.next();
		this.organization = organization;
		this.name = name;
		this.kind = kind;
		this.region = region;
		this.clusterSize = clusterSize.getName();
		this.replicas = replicas;
		this.majorVersion = majorVersion;
		this.minimumStorageBytes = minimumStorageBytes;
		this.maximumStorageBytes = maximumStorageBytes;
		this.plan = organization.getPlan();
		this.state = DatabaseState.PENDING;
		this.readyAt = now.plus(provisioningDelay);
		this.defaultBranch = DEFAULT_BRANCH;
		// PostgreSQL always enforces foreign keys; Vitess needs them switched on.
		this.foreignKeysEnabled = kind == Engine.POSTGRESQL;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * The state as of {@code now}: a pending database whose provisioning time has passed
	 * is ready, whether or not that has been written back yet.
	 */
	DatabaseState stateAt(Instant now) {
		if (this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)) {
			return DatabaseState.READY;
		}
		return this.state;
	}

	/** When the database last changed as of {@code now}, becoming ready included. */
	Instant updatedAtAsOf(Instant now) {
		if (this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)
				&& this.readyAt.isAfter(this.updatedAt)) {
			return this.readyAt;
		}
		return this.updatedAt;
	}

	/**
	 * Applies a PATCH: every non-null value replaces the stored one. Rejects turning on
	 * automatic migrations without a framework and a table to copy.
	 */
	void update(Settings changes, Instant now) {
		var automatic = (changes.automaticMigrations() != null) ? changes.automaticMigrations()
				: this.automaticMigrations;
		var framework = (changes.migrationFramework() != null) ? changes.migrationFramework() : this.migrationFramework;
		var table = (changes.migrationTableName() != null) ? changes.migrationTableName() : this.migrationTableName;
		if (Boolean.TRUE.equals(automatic) && (isBlank(framework) || isBlank(table))) {
			throw ApiException
				.invalid("automatic_migrations requires migration_framework and migration_table_name to be set");
		}
		settle(now);
		var before = snapshot();
		if (changes.newName() != null) {
			this.name = changes.newName();
		}
		this.automaticMigrations = automatic;
		this.migrationFramework = framework;
		this.migrationTableName = table;
		this.requireApprovalForDeploy = or(changes.requireApprovalForDeploy(), this.requireApprovalForDeploy);
		this.restrictBranchRegion = or(changes.restrictBranchRegion(), this.restrictBranchRegion);
		this.allowDataBranching = or(changes.allowDataBranching(), this.allowDataBranching);
		this.foreignKeysEnabled = or(changes.allowForeignKeyConstraints(), this.foreignKeysEnabled);
		this.insightsRawQueries = or(changes.insightsRawQueries(), this.insightsRawQueries);
		this.deletionProtected = or(changes.deletionProtected(), this.deletionProtected);
		this.productionBranchWebConsole = or(changes.productionBranchWebConsole(), this.productionBranchWebConsole);
		if (changes.defaultBranch() != null) {
			this.defaultBranch = changes.defaultBranch();
		}
		if (!before.equals(snapshot())) {
			this.updatedAt = now;
		}
	}

	/** Throws unless the database may be deleted now. */
	void requireDeletable() {
		if (this.deletionProtected) {
			throw deletionRefused(this.name);
		}
	}

	static ApiException deletionRefused(String name) {
		return ApiException
			.invalid("Database " + name + " is deletion_protected; set deletion_protected to false to delete it");
	}

	/**
	 * Writes a readiness that has come due into the row, so a change made now does not
	 * hide it behind a newer {@code updatedAt}.
	 */
	private void settle(Instant now) {
		if (stateAt(now) != this.state) {
			this.updatedAt = updatedAtAsOf(now);
			this.state = stateAt(now);
		}
	}

	private Object snapshot() {
		return Arrays.asList(this.name, this.automaticMigrations, this.migrationFramework, this.migrationTableName,
				this.requireApprovalForDeploy, this.restrictBranchRegion, this.allowDataBranching,
				this.foreignKeysEnabled, this.insightsRawQueries, this.deletionProtected,
				this.productionBranchWebConsole, this.defaultBranch);
	}

	private static boolean or(Boolean value, boolean current) {
		return (value != null) ? value : current;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	String getId() {
		return this.id;
	}

	Organization getOrganization() {
		return this.organization;
	}

	String getName() {
		return this.name;
	}

	Engine getKind() {
		return this.kind;
	}

	Region getRegion() {
		return this.region;
	}

	String getClusterSize() {
		return this.clusterSize;
	}

	Integer getReplicas() {
		return this.replicas;
	}

	String getMajorVersion() {
		return this.majorVersion;
	}

	String getPlan() {
		return this.plan;
	}

	Instant getReadyAt() {
		return this.readyAt;
	}

	String getDefaultBranch() {
		return this.defaultBranch;
	}

	boolean isRequireApprovalForDeploy() {
		return this.requireApprovalForDeploy;
	}

	boolean isDeletionProtected() {
		return this.deletionProtected;
	}

	boolean isAllowDataBranching() {
		return this.allowDataBranching;
	}

	boolean isForeignKeysEnabled() {
		return this.foreignKeysEnabled;
	}

	Boolean getAutomaticMigrations() {
		return this.automaticMigrations;
	}

	String getMigrationFramework() {
		return this.migrationFramework;
	}

	String getMigrationTableName() {
		return this.migrationTableName;
	}

	boolean isRestrictBranchRegion() {
		return this.restrictBranchRegion;
	}

	boolean isInsightsRawQueries() {
		return this.insightsRawQueries;
	}

	boolean isProductionBranchWebConsole() {
		return this.productionBranchWebConsole;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * The changes of a PATCH; null leaves a setting as it is.
	 */
	record Settings(String newName, Boolean automaticMigrations, String migrationFramework, String migrationTableName,
			Boolean requireApprovalForDeploy, Boolean restrictBranchRegion, Boolean allowDataBranching,
			Boolean allowForeignKeyConstraints, Boolean insightsRawQueries, Boolean deletionProtected,
			Boolean productionBranchWebConsole, String defaultBranch) {
	}

}
