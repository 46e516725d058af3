package dev.dbplane.planetscale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import dev.dbplane.persistence.BatchedInserts;
import dev.dbplane.persistence.TextColumns;
import dev.dbplane.persistence.TimestampColumns;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of {@code planetscale_database} that stay SQL, and why.
 * <ul>
 * <li>The create: the rows of concurrent creates go into one multi-row statement
 * ({@link BatchedInserts}) that reads the organization's row and grants the creating
 * token its access in the same statement. JPA has no multi-row insert across requests,
 * and a persist would first need the organization read on its own round trip.</li>
 * <li>The get, the hottest read, with its organization's name in one select. Through
 * Hibernate the same select cost a large part of a get's time in the benchmark (README,
 * benchmark section); the database read is never changed afterwards.</li>
 * <li>The list and its count: a token scoped to databases sees only those it holds an
 * access on, a condition on {@code planetscale_service_token_access}, which is not mapped
 * while service tokens keep their own store.</li>
 * </ul>
 */
class DatabaseRepositoryImpl implements DatabaseRepositoryCustom {

	/** A database with its organization's name: one row, one round trip. */
	private static final String SELECT = """
			select d.id, d.organization_id, o.name, d.name, d.kind, d.region_id, d.cluster_size, d.replicas,
			    d.major_version, d.minimum_storage_bytes, d.maximum_storage_bytes, d.plan, d.state, d.ready_at,
			    d.default_branch, d.require_approval_for_deploy, d.deletion_protected, d.allow_data_branching,
			    d.foreign_keys_enabled, d.automatic_migrations, d.migration_framework, d.migration_table_name,
			    d.restrict_branch_region, d.insights_raw_queries, d.production_branch_web_console, d.created_at,
			    d.updated_at, d.version,
			    (select count(*) from planetscale_branch b where b.database_id = d.id),
			    (select count(*) from planetscale_branch b where b.database_id = d.id and b.production),
			    exists (select 1 from planetscale_branch b where b.database_id = d.id and b.name = d.default_branch
			        and b.provisioning is not null)
			from planetscale_database d join planetscale_organization o on o.id = d.organization_id""";

	/**
	 * The start of the CTE that stores a new database's first branch, its default one
	 * (production), in the statement that stores the database.
	 */
	private static final String DEFAULT_BRANCH = """
			branched as (
			    insert into planetscale_branch (id, database_id, name, parent_branch, production, region_id,
			        cluster_name, major_version, replicas, state, ready_at, deletion_protected, safe_migrations,
			        vtgate_size, vtgate_count, vtgate_autoscaling, actor_id, created_at, updated_at, version,
			        provisioning)""";

	/**
	 * A new database, its first branch and its creator's access, in one statement: the
	 * insert reads the organization's row (id, plan, default region), so no row comes
	 * back when the organization is missing, is not the one with that id, has a default
	 * region outside the list given (when one is given), or already has a database of
	 * that name. Null parameters skip the region condition and the access (a Bearer token
	 * creates none); the others that may be null are cast, since a select list gives them
	 * no type.
	 */
	private static final String INSERT = """
			with created as (
			    insert into planetscale_database (id, organization_id, name, kind, region_id, cluster_size, replicas,
			        major_version, minimum_storage_bytes, maximum_storage_bytes, plan, state, ready_at, default_branch,
			        require_approval_for_deploy, deletion_protected, allow_data_branching, foreign_keys_enabled,
			        automatic_migrations, migration_framework, migration_table_name, restrict_branch_region,
			        insights_raw_queries, production_branch_web_console, created_at, updated_at, version)
			    select ?, o.id, ?, ?, coalesce(?, o.default_region_id), ?, cast(? as integer), cast(? as varchar),
			        cast(? as bigint), cast(? as bigint), o.plan, ?, ?, ?, ?, ?, ?, ?, cast(? as boolean),
			        cast(? as varchar), cast(? as varchar), ?, ?, ?, ?, ?, ?
			    from planetscale_organization o
			    where o.name = ? and o.id = ?
			        and (cast(? as text) is null or o.default_region_id = any(string_to_array(cast(? as text), ',')))
			    on conflict on constraint planetscale_database_name_unique do nothing
			    returning id, organization_id, region_id, plan, cluster_size, default_branch, major_version, replicas,
			        state, ready_at, created_at),
			granted as (
			    insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
			    select ?, cast(? as varchar), ?, created.id, ? from created where cast(? as varchar) is not null),
			""" + DEFAULT_BRANCH + """
			    select ?, created.id, created.default_branch, null, true, created.region_id, created.cluster_size,
			        created.major_version, created.replicas, created.state, created.ready_at, ?, ?,
			        coalesce(cs.default_vtgate, ''), case when cs.engine = 'mysql' then 2 else 0 end, false,
			        cast(? as varchar), created.created_at, created.created_at, 0, cast(? as varchar)
			    from created join planetscale_cluster_size cs on cs.name = created.cluster_size)
			select organization_id, region_id, plan from created""";

	/**
	 * {@link #INSERT} for many databases, each given as one element of every array: the
	 * values travel as text and take their column's type in SQL.
	 */
	private static final String INSERT_ALL = """
			with r as (
			    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			        as r(id, name, kind, region_id, cluster_size, replicas, major_version, minimum_storage_bytes,
			        maximum_storage_bytes, state, ready_at, default_branch, require_approval_for_deploy,
			        deletion_protected, allow_data_branching, foreign_keys_enabled, automatic_migrations,
			        migration_framework, migration_table_name, restrict_branch_region, insights_raw_queries,
			        production_branch_web_console, created_at, updated_at, version, organization_name, organization_id,
			        region_ids, access_id, token_id, branch_id, branch_deletion_protected, branch_safe_migrations,
			        branch_provisioning)),
			created as (
			    insert into planetscale_database (id, organization_id, name, kind, region_id, cluster_size, replicas,
			        major_version, minimum_storage_bytes, maximum_storage_bytes, plan, state, ready_at, default_branch,
			        require_approval_for_deploy, deletion_protected, allow_data_branching, foreign_keys_enabled,
			        automatic_migrations, migration_framework, migration_table_name, restrict_branch_region,
			        insights_raw_queries, production_branch_web_console, created_at, updated_at, version)
			    select r.id, o.id, r.name, r.kind, coalesce(r.region_id, o.default_region_id), r.cluster_size,
			        r.replicas::integer, r.major_version, r.minimum_storage_bytes::bigint,
			        r.maximum_storage_bytes::bigint, o.plan, r.state, r.ready_at::timestamptz, r.default_branch,
			        r.require_approval_for_deploy::boolean, r.deletion_protected::boolean,
			        r.allow_data_branching::boolean, r.foreign_keys_enabled::boolean, r.automatic_migrations::boolean,
			        r.migration_framework, r.migration_table_name, r.restrict_branch_region::boolean,
			        r.insights_raw_queries::boolean, r.production_branch_web_console::boolean,
			        r.created_at::timestamptz, r.updated_at::timestamptz, r.version::bigint
			    from r join planetscale_organization o on o.name = r.organization_name and o.id = r.organization_id
			    where r.region_ids is null or o.default_region_id = any(string_to_array(r.region_ids, ','))
			    on conflict on constraint planetscale_database_name_unique do nothing
			    returning id, organization_id, region_id, plan, cluster_size, default_branch, major_version, replicas,
			        state, ready_at, created_at),
			granted as (
			    insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
			    select r.access_id, r.token_id, ?, created.id, r.created_at::timestamptz
			    from created join r on r.id = created.id where r.token_id is not null),
			""" + DEFAULT_BRANCH
			+ """
					    select r.branch_id, created.id, created.default_branch, null, true, created.region_id,
					        created.cluster_size, created.major_version, created.replicas, created.state, created.ready_at,
					        r.branch_deletion_protected::boolean, r.branch_safe_migrations::boolean,
					        coalesce(cs.default_vtgate, ''), case when cs.engine = 'mysql' then 2 else 0 end, false, r.token_id,
					        created.created_at, created.created_at, 0, r.branch_provisioning
					    from created join r on r.id = created.id join planetscale_cluster_size cs on cs.name = created.cluster_size)
					select id, organization_id, region_id, plan from created""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final BatchedInserts<Pending> inserts = new BatchedInserts<>(this::insertOne, this::insertAll);

	DatabaseRepositoryImpl(JdbcClient jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/**
	 * The database named, or else with the id, {@code nameOrId} of the organization with
	 * that id and name: empty unless both match. Terraform addresses databases by id.
	 */
	@Override
	public Optional<Database> find(String organizationId, String organizationName, String nameOrId) {
		return this.jdbc
			.sql(SELECT + " where d.organization_id = ? and (d.name = ? or d.id = ?) and o.name = ?"
					+ " order by d.name = ? desc limit 1")
			.params(organizationId, nameOrId, nameOrId, organizationName, nameOrId)
			.query(this::database)
			.optional();
	}

	@Override
	public long count(Filter filter) {
		var params = new ArrayList<Object>();
		var where = where(filter, params);
		return this.jdbc.sql("select count(*) from planetscale_database d" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** A page of the filtered databases, by name. */
	@Override
	public List<Database> page(Filter filter, PageQuery query) {
		var params = new ArrayList<Object>();
		var where = where(filter, params);
		params.add(query.perPage());
		params.add(query.offset());
		return this.jdbc.sql(SELECT + where + " order by d.name, d.id limit ? offset ?")
			.params(params)
			.query(this::database)
			.list();
	}

	/**
	 * Stores a new database, in one statement that commits on its own, and gives the
	 * creating service token every database-level access on it (one row, whose access is
	 * {@value PlanetScaleAccesses#EVERY}). The organization's row gives the database its
	 * organization id and plan and, when it has no region, the default region.
	 * @param organizationId the id of the organization the database names
	 * @param defaultRegionIds for a database without a region, the organization default
	 * regions it may be placed in; null to take any
	 * @param creatorTokenId the service token to give the access, or null for none
	 * @return false when nothing was stored: no organization has that name and id, the
	 * name is taken in it, or its default region is not in the list
	 */
	@Override
	public boolean insert(Database database, String organizationId, List<String> defaultRegionIds,
			String creatorTokenId) {
		return this.inserts.insert(new Pending(database, organizationId, defaultRegionIds, creatorTokenId));
	}

	/**
	 * A database to insert, with what {@link DatabaseRepositoryCustom#insert} takes
	 * besides.
	 */
	private record Pending(Database database, String organizationId, List<String> defaultRegionIds,
			String creatorTokenId) {
	}

	/**
	 * Inserts the databases of concurrent creates in one statement, {@link #INSERT} for
	 * each. A database the statement does not insert, or a statement refused as a whole,
	 * gets {@code null}, for {@link #insertOne} to decide.
	 */
	private List<Boolean> insertAll(List<Pending> batch) {
		var columns = new TextColumns(34, batch.size());
		for (var pending : batch) {
			var database = pending.database();
			columns.add(database.getId(), database.getName(), database.getKind().wire(),
					(database.getRegion() != null) ? database.getRegion().getId() : null, database.getClusterSize(),
					database.getReplicas(), database.getMajorVersion(), database.getMinimumStorageBytes(),
					database.getMaximumStorageBytes(), database.getState().wire(), database.getReadyAt(),
					database.getDefaultBranch(), database.isRequireApprovalForDeploy(), database.isDeletionProtected(),
					database.isAllowDataBranching(), database.isForeignKeysEnabled(), database.getAutomaticMigrations(),
					database.getMigrationFramework(), database.getMigrationTableName(),
					database.isRestrictBranchRegion(), database.isInsightsRawQueries(),
					database.isProductionBranchWebConsole(), database.getCreatedAt(), database.getUpdatedAt(),
					database.getVersion(), database.getOrganizationName(), pending.organizationId(),
					(pending.defaultRegionIds() != null) ? String.join(",", pending.defaultRegionIds()) : null,
					PublicIds.next(), pending.creatorTokenId(), database.getDefaultBranchId(),
					database.isDefaultBranchDeletionProtected(), database.isDefaultBranchSafeMigrations(),
					provisioning(database));
		}
		var placed = new HashMap<String, String[]>();
		try {
			this.jdbc.sql(INSERT_ALL)
				.params(columns.parameters(PlanetScaleAccesses.EVERY))
				.query((rs, row) -> placed.put(rs.getString(1),
						new String[] { rs.getString(2), rs.getString(3), rs.getString(4) }))
				.list();
		}
		catch (DataIntegrityViolationException ex) {
			placed.clear();
		}
		var result = new ArrayList<Boolean>(batch.size());
		for (var pending : batch) {
			var database = pending.database();
			var placement = placed.get(database.getId());
			if (placement != null) {
				database.placed(placement[0], region(placement[1], database.getRegion()), placement[2]);
			}
			result.add((placement != null) ? true : null);
		}
		return result;
	}

	private boolean insertOne(Pending pending) {
		var database = pending.database();
		var organizationId = pending.organizationId();
		var defaultRegionIds = pending.defaultRegionIds();
		var creatorTokenId = pending.creatorTokenId();
		var region = (database.getRegion() != null) ? database.getRegion().getId() : null;
		var regionIds = (defaultRegionIds != null) ? String.join(",", defaultRegionIds) : null;
		var createdAt = TimestampColumns.timestamptz(database.getCreatedAt());
		var placement = this.jdbc.sql(INSERT)
			.params(database.getId(), database.getName(), database.getKind().wire(), region, database.getClusterSize(),
					database.getReplicas(), database.getMajorVersion(), database.getMinimumStorageBytes(),
					database.getMaximumStorageBytes(), database.getState().wire(),
					TimestampColumns.timestamptz(database.getReadyAt()), database.getDefaultBranch(),
					database.isRequireApprovalForDeploy(), database.isDeletionProtected(),
					database.isAllowDataBranching(), database.isForeignKeysEnabled(), database.getAutomaticMigrations(),
					database.getMigrationFramework(), database.getMigrationTableName(),
					database.isRestrictBranchRegion(), database.isInsightsRawQueries(),
					database.isProductionBranchWebConsole(), createdAt,
					TimestampColumns.timestamptz(database.getUpdatedAt()), database.getVersion(),
					database.getOrganizationName(), organizationId, regionIds, regionIds, PublicIds.next(),
					creatorTokenId, PlanetScaleAccesses.EVERY, createdAt, creatorTokenId, database.getDefaultBranchId(),
					database.isDefaultBranchDeletionProtected(), database.isDefaultBranchSafeMigrations(),
					creatorTokenId, provisioning(database))
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (placement.isEmpty()) {
			return false;
		}
		var stored = placement.get();
		database.placed(stored[0], region(stored[1], database.getRegion()), stored[2]);
		return true;
	}

	/** What the default branch's provisioning column starts as. */
	private static String provisioning(Database database) {
		return database.isDefaultBranchProvisioning() ? Branch.Provisioning.WAITING.name() : null;
	}

	private Region region(String id, Region known) {
		return (known != null && known.getId().equals(id)) ? known : this.regions.findById(id);
	}

	/** The where clause of a filter, its values appended to {@code params}. */
	private static String where(Filter filter, List<Object> params) {
		var where = new StringBuilder(" where d.organization_id = ?");
		params.add(filter.organizationId());
		if (filter.accessibleTo() != null) {
			where.append(" and exists (select 1 from planetscale_service_token_access a"
					+ " where a.database_id = d.id and a.token_id = ?)");
			params.add(filter.accessibleTo());
		}
		if (filter.namePattern() != null) {
			where.append(" and lower(d.name) like ? escape '\\'");
			params.add(filter.namePattern());
		}
		return where.toString();
	}

	private Database database(ResultSet rs, int row) throws SQLException {
		return new Database(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				Engine.of(rs.getString(5)), this.regions.findById(rs.getString(6)), rs.getString(7),
				rs.getObject(8, Integer.class), rs.getString(9), rs.getObject(10, Long.class),
				rs.getObject(11, Long.class), rs.getString(12), DatabaseState.of(rs.getString(13)),
				TimestampColumns.instant(rs, 14), rs.getString(15), rs.getBoolean(16), rs.getBoolean(17),
				rs.getBoolean(18), rs.getBoolean(19), rs.getObject(20, Boolean.class), rs.getString(21),
				rs.getString(22), rs.getBoolean(23), rs.getBoolean(24), rs.getBoolean(25),
				TimestampColumns.instant(rs, 26), TimestampColumns.instant(rs, 27), rs.getLong(28))
			.counted(rs.getInt(29), rs.getInt(30), rs.getBoolean(31));
	}

}
