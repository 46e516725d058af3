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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;

/**
 * A database of an organization. Its kind, region and cluster size are fixed at creation;
 * its settings change by PATCH. Readiness is decided by the stored row alone: a pending
 * database is ready from {@code readyAt} on, for every replica that reads it and after
 * any restart. {@code version} is the stored row's version, which Hibernate checks: a
 * write of the row succeeds only if nobody else wrote it since it was read. New databases
 * are stored by the batched insert of {@link DatabaseRepositoryImpl}, never persisted.
 */
@Entity
@Table(name = "planetscale_database")
class Database {

	static final String DEFAULT_BRANCH = "main";

	@Id
	private String id;

	private String organizationId;

	/** Read with the row (the organization's name never changes). */
	@Formula("(select o.name from planetscale_organization o where o.id = organization_id)")
	private String organizationName;

	private String name;

	@Convert(converter = Engine.Column.class)
	private Engine kind;

	/** From the catalogue, which never changes a region in place. */
	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "region_id", updatable = false)
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
	private long version;

	/**
	 * Counted from the branch rows when read (the get's select counts them too); a new
	 * database has its default branch.
	 */
	@Formula("(select count(*) from planetscale_branch b where b.database_id = id)")
	private int branchesCount = 1;

	@Formula("(select count(*) from planetscale_branch b where b.database_id = id and b.production)")
	private int productionBranchesCount = 1;

	/**
	 * Whether a data plane still works on the default branch: the database is pending
	 * until its default branch is provisioned.
	 */
	@Formula("(exists (select 1 from planetscale_branch b where b.database_id = id and b.name = default_branch"
			+ " and b.provisioning is not null))")
	private boolean defaultBranchProvisioning;

	/** The default branch a new database is stored with, by the same statement. */
	@Transient
	private String defaultBranchId;

	@Transient
	private boolean defaultBranchDeletionProtected;

	@Transient
	private boolean defaultBranchSafeMigrations;

	/** For Hibernate. */
	protected Database() {
	}

	/**
	 * A new database of the organization named {@code organizationName}, not stored yet.
	 * Storing it reads the organization's id and plan, and the default region when
	 * {@code region} is null, from the organization's row (see {@link #placed}).
	 */
	Database(String organizationName, String name, Engine kind, Region region, String clusterSize, Integer replicas,
			String majorVersion, Long minimumStorageBytes, Long maximumStorageBytes, Instant now,
			Duration provisioningDelay) {
		// PostgreSQL always enforces foreign keys; Vitess needs them switched on.
		this(PublicIds.next(), null, organizationName, name, kind, region, clusterSize, replicas, majorVersion,
				minimumStorageBytes, maximumStorageBytes, null, DatabaseState.PENDING, now.plus(provisioningDelay),
				DEFAULT_BRANCH, false, false, false, kind == Engine.POSTGRESQL, null, null, null, false, false, false,
				now, now, 0);
		this.defaultBranchId = PublicIds.next();
	}

	/** A stored database, as read. */
	Database(String id, String organizationId, String organizationName, String name, Engine kind, Region region,
			String clusterSize, Integer replicas, String majorVersion, Long minimumStorageBytes,
			Long maximumStorageBytes, String plan, DatabaseState state, Instant readyAt, String defaultBranch,
			boolean requireApprovalForDeploy, boolean deletionProtected, boolean allowDataBranching,
			boolean foreignKeysEnabled, Boolean automaticMigrations, String migrationFramework,
			String migrationTableName, boolean restrictBranchRegion, boolean insightsRawQueries,
			boolean productionBranchWebConsole, Instant createdAt, Instant updatedAt, long version) {
		this.id = id;
		this.organizationId = organizationId;
		this.organizationName = organizationName;
		this.name = name;
		this.kind = kind;
		this.region = region;
		this.clusterSize = clusterSize;
		this.replicas = replicas;
		this.majorVersion = majorVersion;
		this.minimumStorageBytes = minimumStorageBytes;
		this.maximumStorageBytes = maximumStorageBytes;
		this.plan = plan;
		this.state = state;
		this.readyAt = readyAt;
		this.defaultBranch = defaultBranch;
		this.requireApprovalForDeploy = requireApprovalForDeploy;
		this.deletionProtected = deletionProtected;
		this.allowDataBranching = allowDataBranching;
		this.foreignKeysEnabled = foreignKeysEnabled;
		this.automaticMigrations = automaticMigrations;
		this.migrationFramework = migrationFramework;
		this.migrationTableName = migrationTableName;
		this.restrictBranchRegion = restrictBranchRegion;
		this.insightsRawQueries = insightsRawQueries;
		this.productionBranchWebConsole = productionBranchWebConsole;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * Records where the new database was stored, as the insert read it from the
	 * organization's row: the organization's id and plan, and the region.
	 */
	void placed(String organizationId, Region region, String plan) {
		this.organizationId = organizationId;
		this.region = region;
		this.plan = plan;
	}

	/**
	 * Records how many branches, and production ones, the database has, and whether its
	 * default branch is still being provisioned.
	 */
	Database counted(int branches, int productionBranches, boolean defaultBranchProvisioning) {
		this.branchesCount = branches;
		this.productionBranchesCount = productionBranches;
		this.defaultBranchProvisioning = defaultBranchProvisioning;
		return this;
	}

	/**
	 * Has a data plane create the new database's default branch: the database is pending
	 * until that is done.
	 */
	void provisionDefaultBranch() {
		this.defaultBranchProvisioning = true;
	}

	/**
	 * Names the default branch a new database is created with (Terraform's branch
	 * resources create their database with their own branch) and its settings.
	 */
	void firstBranch(String name, boolean deletionProtected, boolean safeMigrations) {
		this.defaultBranch = name;
		this.defaultBranchDeletionProtected = deletionProtected;
		this.defaultBranchSafeMigrations = safeMigrations;
	}

	/**
	 * The state as of {@code now}: a pending database whose provisioning time has passed
	 * is ready, whether or not that has been written back yet.
	 */
	DatabaseState stateAt(Instant now) {
		if (this.defaultBranchProvisioning && this.state == DatabaseState.PENDING) {
			return DatabaseState.PENDING;
		}
		if (this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)) {
			return DatabaseState.READY;
		}
		return this.state;
	}

	/** When the database last changed as of {@code now}, becoming ready included. */
	Instant updatedAtAsOf(Instant now) {
		if (!this.defaultBranchProvisioning && this.state == DatabaseState.PENDING && !now.isBefore(this.readyAt)
				&& this.readyAt.isAfter(this.updatedAt)) {
			return this.readyAt;
		}
		return this.updatedAt;
	}

	/**
	 * Applies a PATCH: every non-null value replaces the stored one. Rejects turning on
	 * automatic migrations without a framework and a table to copy.
	 * @return whether the stored row has to change: a setting did, or a readiness that
	 * came due is written into it
	 */
	boolean update(Settings changes, Instant now) {
		var automatic = (changes.automaticMigrations() != null) ? changes.automaticMigrations()
				: this.automaticMigrations;
		var framework = (changes.migrationFramework() != null) ? changes.migrationFramework() : this.migrationFramework;
		var table = (changes.migrationTableName() != null) ? changes.migrationTableName() : this.migrationTableName;
		if (Boolean.TRUE.equals(automatic) && (isBlank(framework) || isBlank(table))) {
			throw ApiException
				.invalid("automatic_migrations requires migration_framework and migration_table_name to be set");
		}
		var settled = settle(now);
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
		if (before.equals(snapshot())) {
			return settled;
		}
		this.updatedAt = now;
		return true;
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
	 * @return whether it had come due
	 */
	private boolean settle(Instant now) {
		if (stateAt(now) == this.state) {
			return false;
		}
		this.updatedAt = updatedAtAsOf(now);
		this.state = stateAt(now);
		return true;
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

	/**
	 * The organization's id: the actor of what the organization itself creates (roles).
	 */
	String getOrganizationId() {
		return this.organizationId;
	}

	String getOrganizationName() {
		return this.organizationName;
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

	Long getMinimumStorageBytes() {
		return this.minimumStorageBytes;
	}

	Long getMaximumStorageBytes() {
		return this.maximumStorageBytes;
	}

	String getPlan() {
		return this.plan;
	}

	/** The state as stored; {@link #stateAt} is the state as of a moment. */
	DatabaseState getState() {
		return this.state;
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

	/** As stored; {@link #updatedAtAsOf} is the time as of a moment. */
	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	long getVersion() {
		return this.version;
	}

	int getBranchesCount() {
		return this.branchesCount;
	}

	int getProductionBranchesCount() {
		return this.productionBranchesCount;
	}

	String getDefaultBranchId() {
		return this.defaultBranchId;
	}

	boolean isDefaultBranchDeletionProtected() {
		return this.defaultBranchDeletionProtected;
	}

	boolean isDefaultBranchProvisioning() {
		return this.defaultBranchProvisioning;
	}

	boolean isDefaultBranchSafeMigrations() {
		return this.defaultBranchSafeMigrations;
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
