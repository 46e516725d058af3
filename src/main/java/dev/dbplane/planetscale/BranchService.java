package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.dbplane.web.ApiException;
import dev.dbplane.persistence.Constraints;
import jakarta.persistence.criteria.Predicate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Branches of a database: creation (with the database itself when asked), settings, and
 * deletion. A database always has its default branch: deleting its last branch deletes
 * the database, so destroying what Terraform created leaves nothing behind.
 * <p>
 * Setting writes ({@code @Retryable}) set values rather than derive them from what they
 * read, so one that lost an optimistic-lock race to another request runs again, in a new
 * transaction, on the row as it now is: concurrent PUTs of one branch's settings all
 * succeed, the way PlanetScale's API answers them, instead of all but one getting a 409
 * the vendor document does not list.
 */
@Service
class BranchService {

	private static final String UNIQUE_NAME = "planetscale_branch_name_unique";

	/**
	 * The size pscale asks for when a branch create names none, whatever the database's
	 * kind.
	 */
	private static final String PSCALE_DEFAULT = "PS_DEV";

	private final BranchRepository branches;

	private final BranchChangeRepository changes;

	private final DatabaseRepository databases;

	private final DatabaseService databaseService;

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final PlanetScaleProperties properties;

	private final Callers callers;

	private final BaseUrl baseUrl;

	private final Clock clock;

	private final BranchProvisioning provisioning;

	private final TransactionTemplate transaction;

	BranchService(BranchRepository branches, BranchChangeRepository changes, DatabaseRepository databases,
			DatabaseService databaseService, Organizations organizations, Catalogue catalogue,
			PlanetScaleProperties properties, Callers callers, BaseUrl baseUrl, Clock clock,
			BranchProvisioning provisioning, PlatformTransactionManager transactions) {
		this.branches = branches;
		this.changes = changes;
		this.databases = databases;
		this.databaseService = databaseService;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.properties = properties;
		this.callers = callers;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.provisioning = provisioning;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Transactional(readOnly = true)
	CountedListResponse<BranchResponse> list(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String q, Boolean production, Boolean safeMigrations, String order, PageQuery query) {
		var direction = direction(order);
		var database = database(caller, organizationName, databaseName, BranchAccesses.READ_BRANCH);
		Specification<Branch> filter = (root, criteria, builder) -> {
			var where = new ArrayList<Predicate>();
			where.add(builder.equal(root.get("databaseId"), database.getId()));
			if (q != null && !q.isBlank()) {
				where.add(builder.like(builder.lower(root.get("name")),
						"%" + likeEscaped(q.strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
			}
			if (production != null) {
				where.add(builder.equal(root.get("production"), production));
			}
			if (safeMigrations != null) {
				where.add(builder.equal(root.get("safeMigrations"), safeMigrations));
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
		var sort = Sort.by(direction, "createdAt").and(Sort.by(direction, "id"));
		var page = SpecificationPages.of(this.branches, filter, query, sort);
		var now = now();
		var items = page.items().stream().map((branch) -> respond(branch, database, now)).toList();
		var links = PageLinks
			.of(this.baseUrl.current(),
					"/v1/organizations/" + database.getOrganizationName() + "/databases/" + database.getName()
							+ "/branches")
			.with("q", q)
			.with("production", (production != null) ? production.toString() : null)
			.with("safe_migrations", (safeMigrations != null) ? safeMigrations.toString() : null)
			.with("order", order);
		return CountedListResponse.of(items, page.total(), query, links);
	}

	/**
	 * Creates a branch; with {@code create_database_if_missing}, its database first when
	 * there is none of that name, the branch becoming the new database's default branch.
	 */
	BranchResponse create(PlanetScalePrincipal caller, String organizationName, String databaseName,
			BranchCreateRequest request) {
		var problems = new ArrayList<String>();
		request.check(problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		if (request.createsDatabase()) {
			var existing = this.databases.find(caller.organizationId(), organizationName, databaseName);
			if (existing.isEmpty()) {
				var created = createWithDatabase(caller, organizationName, databaseName, request);
				if (created != null) {
					return created;
				}
			}
		}
		var database = database(caller, organizationName, databaseName, BranchAccesses.CREATE_BRANCH);
		if (request.kind() != null && Engine.of(request.kind()) != database.getKind()) {
			throw ApiException.invalid(
					"kind " + request.kind() + " does not match the database's kind, " + database.getKind().wire());
		}
		var now = now();
		if (database.stateAt(now) != DatabaseState.READY) {
			throw new BadRequestException("Database " + database.getName() + " is not ready yet");
		}
		var parentName = request.fromDefaultBranch() ? database.getDefaultBranch() : request.parentBranch();
		var parent = this.branches.findByDatabaseIdAndName(database.getId(), parentName)
			.orElseThrow(() -> ApiException.invalid("parent_branch " + parentName + " does not exist"));
		if (parent.stateAt(now) != DatabaseState.READY) {
			throw new BadRequestException("Branch " + parent.getName() + " is not ready yet");
		}
		var branch = newBranch(caller, database, parent, request, now);
		try {
			// The branch and its data-plane tasks commit together.
			this.transaction.executeWithoutResult((status) -> {
				this.branches.saveAndFlush(branch);
				this.provisioning.request(branch, database);
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, UNIQUE_NAME)) {
				throw ApiException.duplicate(DatabaseService.NAME_TAKEN);
			}
			// the database was deleted meanwhile
			throw ApiException.notFound("Not Found");
		}
		return respond(branch, database, now);
	}

	private Branch newBranch(PlanetScalePrincipal caller, Database database, Branch parent, BranchCreateRequest request,
			Instant now) {
		var problems = new ArrayList<String>();
		var engine = database.getKind();
		var parentRegion = this.catalogue.regionWithId(parent.getRegionId());
		var region = this.catalogue.regionForNewDatabase(request.region(), parentRegion, engine, problems);
		if (region != null && database.isRestrictBranchRegion()
				&& !region.getId().equals(database.getRegion().getId())) {
			problems.add("region must be " + database.getRegion().getSlug()
					+ ": branches of this database are restricted to its region");
		}
		var sizeName = (request.size() != null) ? request.size() : parent.getClusterName();
		if (engine == Engine.POSTGRESQL && region != null
				&& Catalogue.clusterSizeName(sizeName).equals(PSCALE_DEFAULT)) {
			// pscale sends its MySQL default for PostgreSQL branches too; the real API
			// takes it
			sizeName = smallestSize(engine, region, sizeName);
		}
		var size = this.catalogue.clusterSizeForNewDatabase(sizeName, engine, region, problems);
		String majorVersion = null;
		if (engine == Engine.POSTGRESQL) {
			majorVersion = (request.majorVersion() != null)
					? this.catalogue.majorVersionForNewDatabase(request.majorVersion(), problems)
					: parent.getMajorVersion();
			if (request.storage() != null) {
				request.storage().check(problems);
			}
		}
		else {
			if (request.majorVersion() != null) {
				problems.add("major_version is only supported for postgresql databases");
			}
			if (request.storage() != null) {
				problems.add("storage is only supported for postgresql databases");
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		return new Branch(database.getId(), request.name(), parent.getName(), region, size, majorVersion,
				parent.getReplicas(), Boolean.TRUE.equals(request.deletionProtected()),
				Boolean.TRUE.equals(request.safeMigrations()), caller.creatorTokenId(), now,
				this.properties.provisioningDelay(), this.provisioning.serves(engine));
	}

	/**
	 * The first enabled size of the catalogue for the engine in the region; else
	 * {@code fallback}.
	 */
	private String smallestSize(Engine engine, Region region, String fallback) {
		return this.catalogue.clusterSizes(engine, region)
			.stream()
			.filter(this.catalogue::enabled)
			.map(ClusterSize::getName)
			.findFirst()
			.orElse(fallback);
	}

	/**
	 * The database and its first branch in one statement. When another request created a
	 * database of that name first, null: the branch goes to that database.
	 */
	private BranchResponse createWithDatabase(PlanetScalePrincipal caller, String organizationName, String databaseName,
			BranchCreateRequest request) {
		var engine = Engine.of(request.kind());
		var sizeName = (request.size() != null) ? request.size()
				: defaultSize(caller, organizationName, request, engine);
		var databaseRequest = new DatabaseCreateRequest(databaseName, request.region(), sizeName, null, request.kind(),
				request.majorVersion(), request.storage());
		Database database;
		try {
			database = this.databaseService.createWithFirstBranch(caller, organizationName, databaseRequest,
					request.name(), Boolean.TRUE.equals(request.deletionProtected()),
					Boolean.TRUE.equals(request.safeMigrations()));
		}
		catch (ApiException ex) {
			if (ex.kind() == ApiException.Kind.DUPLICATE) {
				return null;
			}
			throw ex;
		}
		var branch = this.branches.findByDatabaseIdAndName(database.getId(), request.name())
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		return respond(branch, database, now());
	}

	/**
	 * The size a database created for a branch gets when the request names none: the
	 * catalogue's first production size of its engine in its region.
	 */
	private String defaultSize(PlanetScalePrincipal caller, String organizationName, BranchCreateRequest request,
			Engine engine) {
		var region = (request.region() != null && !request.region().isBlank())
				? this.catalogue.region(request.region().strip())
				: this.catalogue.regionWithId(this.organizations.find(caller, organizationName).getDefaultRegionId());
		if (region == null) {
			return null;
		}
		return this.catalogue.clusterSizes(engine, region)
			.stream()
			.filter((size) -> size.isProduction() && this.catalogue.enabled(size))
			.map(ClusterSize::getName)
			.findFirst()
			.orElse(null);
	}

	@Transactional(readOnly = true)
	BranchResponse get(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.READ_BRANCH);
		return respond(branch(database, branchName), database, now());
	}

	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	BranchResponse update(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			BranchUpdateRequest request) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		var branch = branch(database, branchName);
		if (request.newName() != null && !Names.valid(request.newName())) {
			throw ApiException.invalid("new_name " + Names.RULE);
		}
		var now = now();
		var oldName = branch.getName();
		var changed = branch.update(request.newName(), request.deletionProtected(), now);
		flush();
		if (changed && !oldName.equals(branch.getName())) {
			for (var child : this.branches.findByDatabaseIdAndParentBranch(database.getId(), oldName)) {
				child.reparent(branch.getName());
			}
			if (oldName.equals(database.getDefaultBranch())) {
				database.update(new Database.Settings(null, null, null, null, null, null, null, null, null, null, null,
						branch.getName()), now);
				this.databases.save(database);
			}
		}
		flush();
		return respond(branch, database, now);
	}

	/**
	 * Deletes a branch, with its descendants when asked. The default branch goes only
	 * with the database, when it is the last branch left.
	 */
	@Transactional
	void delete(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			boolean deleteDescendants) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.DELETE_BRANCH);
		if (!this.branches.lockDatabase(database.getId())) {
			throw ApiException.notFound("Not Found");
		}
		var branch = branch(database, branchName);
		var doomed = new ArrayList<Branch>();
		doomed.add(branch);
		if (deleteDescendants) {
			for (int i = 0; i < doomed.size(); i++) {
				doomed.addAll(this.branches.findByDatabaseIdAndParentBranch(database.getId(), doomed.get(i).getName()));
			}
		}
		doomed.forEach(Branch::requireDeletable);
		if (this.branches.countByDatabaseId(database.getId()) == doomed.size()) {
			database.requireDeletable();
			if (this.databases.deleteUnlessProtected(database.getId()) == 0) {
				throw Database.deletionRefused(database.getName());
			}
		}
		else {
			if (doomed.stream()
				.anyMatch((doomedBranch) -> doomedBranch.getName().equals(database.getDefaultBranch()))) {
				throw ApiException.invalid("Branch " + database.getDefaultBranch()
						+ " is the database's default branch; delete the database's other branches first");
			}
			this.branches.deleteAll(doomed);
		}
		doomed.forEach((gone) -> this.provisioning.drop(gone, database));
	}

	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	BranchResponse safeMigrations(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, Boolean enabled) {
		if (enabled == null) {
			throw ApiException.invalid("safe_migrations can't be blank");
		}
		var database = database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		var branch = branch(database, branchName);
		var now = now();
		branch.changeSafeMigrations(enabled, now);
		flush();
		return respond(branch, database, now);
	}

	/** A vtgate resize, applied at once: no resize request is left to poll. */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	void resize(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			BranchResizeRequest request) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		if (database.getKind() != Engine.MYSQL) {
			throw ApiException.invalid("vtgate resizes are only for mysql databases");
		}
		var problems = new ArrayList<String>();
		request.check(problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var branch = branch(database, branchName);
		var before = BranchChange.Vtgate.of(branch);
		var now = now();
		if (branch.resize(request.vtgateSize(), request.vtgateCount(), request.vtgateMaxCount(),
				request.vtgateAutoscaling(), request.vtgateTargetCpuUtilization(), now)) {
			this.changes.save(BranchChange.vtgate(before, branch, caller.creatorTokenId(), now));
		}
		flush();
	}

	/** Terraform's cluster size and parameter change, applied at once. */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	void changeCluster(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			BranchClusterChangeRequest request) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		var branch = branch(database, branchName);
		if (request.parameters() != null && database.getKind() != Engine.POSTGRESQL) {
			throw ApiException.invalid("parameters are only for postgresql databases");
		}
		var problems = new ArrayList<String>();
		BranchParameter.check(request.parameters(), problems);
		String size = null;
		if (request.clusterSize() != null && !request.clusterSize().isBlank()) {
			var found = this.catalogue.clusterSizeForNewDatabase(request.clusterSize(), database.getKind(),
					this.catalogue.regionWithId(branch.getRegionId()), problems);
			size = (found != null) ? found.getName() : null;
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var before = BranchChange.Cluster.of(branch);
		var now = now();
		if (branch.changeCluster(size, request.parameters(), now)) {
			this.changes.save(BranchChange.cluster(before, branch, caller.creatorTokenId(), now));
		}
		flush();
		if (!Objects.equals(before.parameters(), branch.getParameters())) {
			this.provisioning.setParameters(branch, database);
		}
	}

	/** Promotes a development branch to production. */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	BranchResponse promote(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.PROMOTE_BRANCH);
		var branch = branch(database, branchName);
		var now = now();
		if (!branch.isProduction() && branch.stateAt(now) != DatabaseState.READY) {
			throw new BadRequestException("Branch " + branch.getName() + " is not ready yet");
		}
		branch.promote(now);
		flush();
		return respond(branch, database, now);
	}

	/** Demotes a production branch to development. */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	BranchResponse demote(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var database = database(caller, organizationName, databaseName, BranchAccesses.DEMOTE_BRANCH);
		var branch = branch(database, branchName);
		var now = now();
		branch.demote(now);
		flush();
		return respond(branch, database, now);
	}

	/**
	 * The database of a branch request the caller may see (else 404) and that any of
	 * {@code accesses} allows (else 403).
	 */
	Database database(PlanetScalePrincipal caller, String organizationName, String nameOrId, List<String> accesses) {
		var database = this.databases.find(caller.organizationId(), organizationName, nameOrId)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireAnyDatabaseAccess(caller, database, accesses);
		return database;
	}

	/** The database's branch named, or else with the id, {@code nameOrId}; else 404. */
	Branch branch(Database database, String nameOrId) {
		return this.branches.findByDatabaseIdAndName(database.getId(), nameOrId)
			.or(() -> this.branches.findByDatabaseIdAndId(database.getId(), nameOrId))
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	/**
	 * A branch of a database the caller can see, with its database; else 404. What the
	 * caller may do with it is for the operation to check.
	 */
	At visible(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName) {
		var database = this.databases.find(caller.organizationId(), organizationName, databaseName)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireDatabaseAccess(caller, database, null);
		return new At(database, branch(database, branchName));
	}

	BranchResponse respond(Branch branch, Database database, Instant now) {
		return BranchResponse.from(branch, database, region(branch, database),
				this.catalogue.clusterSize(branch.getClusterName()), now, this.baseUrl.current(), accessHost(database));
	}

	/** Where clients of the database's branches connect. */
	String accessHost(Database database) {
		return this.provisioning.accessHost(database.getKind(), this.baseUrl.current());
	}

	/** The branch's region; its database's is the default for new branches. */
	RegionResponse region(Branch branch, Database database) {
		var region = this.catalogue.regionWithId(branch.getRegionId());
		return RegionResponse.from(region, this.catalogue.enabled(region),
				region.getId().equals(database.getRegion().getId()));
	}

	/** Writes the changes now, so a taken name is refused in this request. */
	private void flush() {
		try {
			this.branches.flush();
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, UNIQUE_NAME)) {
				throw ApiException.duplicate(DatabaseService.NAME_TAKEN);
			}
			throw ex;
		}
	}

	/** A branch and its database. */
	record At(Database database, Branch branch) {
	}

	private static Sort.Direction direction(String order) {
		if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
			return Sort.Direction.ASC;
		}
		if (order.equalsIgnoreCase("desc")) {
			return Sort.Direction.DESC;
		}
		throw ApiException.invalid("order must be asc or desc");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
