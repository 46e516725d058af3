package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.dbplane.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a branch's real database holds, read from its server when asked: its schema, what
 * that changed from its parent's, and (MySQL) the keyspace it makes up. Nothing here is
 * stored; the branch's records are {@link BranchService}'s.
 */
@Service
class BranchSchemaService {

	private final BranchService branches;

	private final BranchRepository branchRows;

	private final BranchProvisioning provisioning;

	private final BaseUrl baseUrl;

	private final Clock clock;

	BranchSchemaService(BranchService branches, BranchRepository branchRows, BranchProvisioning provisioning,
			BaseUrl baseUrl, Clock clock) {
		this.branches = branches;
		this.branchRows = branchRows;
		this.provisioning = provisioning;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * A branch's schema as its server has it now. MySQL databases have one keyspace,
	 * named as the database; PostgreSQL's namespace is {@code <database>.<schema>} or a
	 * schema, {@code public} by default. No transaction: the branch's server is asked
	 * with none of the store's connections held.
	 */
	BranchSchemaResponse schema(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String keyspace, String namespace) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.READ_BRANCH);
		var branch = this.branches.branch(database, branchName);
		if (database.getKind() == Engine.MYSQL && keyspace != null && !keyspace.isEmpty()
				&& !keyspace.equals(database.getName())) {
			throw ApiException.notFound("Not Found");
		}
		var schema = (namespace == null || namespace.isBlank()) ? "public"
				: namespace.substring(namespace.lastIndexOf('.') + 1);
		return BranchSchemaResponse.from(this.provisioning.schema(branch, database, schema));
	}

	/** A MySQL branch's keyspaces: its one, named as its database. 404 on PostgreSQL. */
	@Transactional(readOnly = true)
	ListResponse<KeyspaceResponse> keyspaces(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, PageQuery query) {
		var at = mysqlBranch(caller, organizationName, databaseName, branchName);
		var items = (query.offset() == 0) ? List.of(keyspace(at)) : List.<KeyspaceResponse>of();
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + at.database().getOrganizationName()
				+ "/databases/" + at.database().getName() + "/branches/" + at.branch().getName() + "/keyspaces");
		return ListResponse.of(items, 1, query, links);
	}

	/** A MySQL branch's keyspace by name or id. */
	@Transactional(readOnly = true)
	KeyspaceResponse keyspace(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String nameOrId) {
		var keyspace = keyspace(mysqlBranch(caller, organizationName, databaseName, branchName));
		if (!nameOrId.equals(keyspace.name()) && !nameOrId.equals(keyspace.id())) {
			throw ApiException.notFound("Not Found");
		}
		return keyspace;
	}

	/** The MySQL branch whose keyspace is read; 404 for a PostgreSQL one. */
	private BranchService.At mysqlBranch(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.READ_KEYSPACES);
		var branch = this.branches.branch(database, branchName);
		if (database.getKind() != Engine.MYSQL) {
			throw ApiException.notFound("Not Found");
		}
		return new BranchService.At(database, branch);
	}

	private KeyspaceResponse keyspace(BranchService.At at) {
		var now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return KeyspaceResponse.from(this.branches.respond(at.branch(), at.database(), now), at.database().getName());
	}

	/**
	 * What a branch's schema changed from its parent's now, both read from their servers;
	 * nothing for a branch without a parent. No transaction, as {@link #schema}.
	 */
	BranchSchemaResponse diff(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.READ_BRANCH);
		var branch = this.branches.branch(database, branchName);
		var parent = (branch.getParentBranch() != null)
				? this.branchRows.findByDatabaseIdAndName(database.getId(), branch.getParentBranch()).orElse(null)
				: null;
		if (parent == null) {
			return BranchSchemaResponse.from(List.of());
		}
		return BranchSchemaResponse.from(SchemaDiff.between(this.provisioning.schema(parent, database, "public"),
				this.provisioning.schema(branch, database, "public")));
	}

	/**
	 * Nothing to refresh: a branch's schema is read from its server whenever it is asked
	 * for. Checks the caller and the branch, as the real refresh would.
	 */
	void refreshSchema(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		this.branches.branch(database, branchName);
	}

}
