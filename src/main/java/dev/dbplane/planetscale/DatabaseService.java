package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.web.ApiException;
import dev.dbplane.persistence.Constraints;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Databases of an organization: validation against the catalogue, name uniqueness,
 * settings and deletion.
 */
@Service
class DatabaseService {

	static final String NAME_TAKEN = "Name has already been taken";

	private static final String UNIQUE_NAME = "planetscale_database_name_unique";

	private final DatabaseRepository databases;

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final PlanetScaleProperties properties;

	private final Clock clock;

	private final BaseUrl baseUrl;

	private final Callers callers;

	private final BranchRepository branches;

	private final BranchProvisioning provisioning;

	DatabaseService(DatabaseRepository databases, Organizations organizations, Catalogue catalogue,
			PlanetScaleProperties properties, Clock clock, BaseUrl baseUrl, Callers callers, BranchRepository branches,
			BranchProvisioning provisioning) {
		this.databases = databases;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.callers = callers;
		this.branches = branches;
		this.provisioning = provisioning;
	}

	/**
	 * Creates a database for {@code caller}: the database and its creator's access are
	 * stored by one statement that commits on its own (see
	 * {@link #create(PlanetScalePrincipal, String, DatabaseCreateRequest, java.util.function.Consumer, Instant)}).
	 */
	DatabaseResponse create(PlanetScalePrincipal caller, String organizationName, DatabaseCreateRequest request) {
		var now = now();
		return respond(create(caller, organizationName, request, (database) -> {
		}, now), now);
	}

	/**
	 * Creates a database as
	 * {@link #create(PlanetScalePrincipal, String, DatabaseCreateRequest)} does, its
	 * first branch as {@code firstBranch} names and sets it (Terraform's branch resources
	 * create their database so).
	 */
	Database createWithFirstBranch(PlanetScalePrincipal caller, String organizationName, DatabaseCreateRequest request,
			String branchName, boolean deletionProtected, boolean safeMigrations) {
		return create(caller, organizationName, request,
				(database) -> database.firstBranch(branchName, deletionProtected, safeMigrations), now());
	}

	/**
	 * One route: the caller's organization and accesses come with its credential and the
	 * catalogue is in memory, so a usual create reads nothing and is one insert, which
	 * takes the organization's id, plan and default region from its row (when the request
	 * names no region, only if that region suits the request). Only a refused request
	 * reads the organization, to say why in the order the API has: a missing
	 * organization, a missing access, every problem with the request, a taken name.
	 */
	private Database create(PlanetScalePrincipal caller, String organizationName, DatabaseCreateRequest request,
			java.util.function.Consumer<Database> prepare, Instant now) {
		var organizationId = caller.organizationId();
		if (!organizationName.equals(caller.organizationName())) {
			organizationId = this.organizations.find(caller, organizationName).getId();
		}
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.CREATE_DATABASES);
		var choice = choose(request, null);
		if (!choice.problems().isEmpty()) {
			throw refused(caller, organizationName, request, choice.problems());
		}
		var database = newDatabase(organizationName, request, choice, now);
		prepare.accept(database);
		var defaultRegions = (choice.region() == null)
				? this.catalogue.defaultRegionsFor(request.engine(), choice.size()) : null;
		if (!this.databases.insert(database, organizationId, defaultRegions, caller.creatorTokenId())) {
			throw refused(caller, organizationName, request, List.of());
		}
		if (database.isDefaultBranchProvisioning()) {
			this.provisioning.requestSeparately(database.getDefaultBranchId());
		}
		return database;
	}

	/**
	 * Why a create is refused: the request's problems where the organization's default
	 * region stands for a region it does not name (else {@code problems}, found without
	 * it), or, with none, its name is taken.
	 */
	private ApiException refused(PlanetScalePrincipal caller, String organizationName, DatabaseCreateRequest request,
			List<String> problems) {
		var organization = this.organizations.find(caller, organizationName);
		var inDefaultRegion = choose(request, this.catalogue.regionWithId(organization.getDefaultRegionId()))
			.problems();
		var reasons = inDefaultRegion.isEmpty() ? problems : inDefaultRegion;
		return reasons.isEmpty() ? ApiException.duplicate(NAME_TAKEN)
				: ApiException.invalid(String.join("; ", reasons));
	}

	private Database newDatabase(String organizationName, DatabaseCreateRequest request, Choice choice, Instant now) {
		var database = new Database(organizationName, request.name(), request.engine(), choice.region(),
				choice.size().getName(), request.replicas(), choice.majorVersion(), request.minimumStorageBytes(),
				request.maximumStorageBytes(), now, this.properties.provisioningDelay());
		if (this.provisioning.serves(request.engine())) {
			database.provisionDefaultBranch();
		}
		return database;
	}

	/**
	 * Checks a create request on its own and against the catalogue, listing every problem
	 * in the order the API reports them.
	 * @param defaultRegion the organization's default region, for a request that names
	 * none; null when it is not known yet, which leaves out the checks that need it
	 */
	private Choice choose(DatabaseCreateRequest request, Region defaultRegion) {
		var problems = new ArrayList<String>();
		request.check(problems);
		var engine = request.engine();
		var region = (isBlank(request.region()) && defaultRegion == null) ? null
				: this.catalogue.regionForNewDatabase(request.region(), defaultRegion, engine, problems);
		var size = isBlank(request.clusterSize()) ? null
				: this.catalogue.clusterSizeForNewDatabase(request.clusterSize(), engine, region, problems);
		var majorVersion = (engine == Engine.POSTGRESQL)
				? this.catalogue.majorVersionForNewDatabase(request.majorVersion(), problems) : null;
		return new Choice(region, size, majorVersion, problems);
	}

	@Transactional(readOnly = true)
	CountedListResponse<DatabaseResponse> list(PlanetScalePrincipal caller, String organizationName, String q,
			PageQuery query) {
		var organization = this.organizations.find(caller, organizationName);
		// A token sees only the databases it has an access on: an empty list when none.
		var accessibleTo = caller.seesAllDatabases() ? null : caller.tokenId();
		var pattern = (q != null && !q.isBlank()) ? "%" + likeEscaped(q.strip().toLowerCase()) + "%" : null;
		var filter = new DatabaseRepository.Filter(organization.getId(), accessibleTo, pattern);
		var total = this.databases.count(filter);
		List<Database> page = query.beyond(total) ? List.of() : this.databases.page(filter, query);
		var now = now();
		var items = page.stream().map((database) -> respond(database, now)).toList();
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + organization.getName() + "/databases")
			.with("q", q);
		return CountedListResponse.of(items, total, query, links);
	}

	/** One select when the caller sees every database, so no transaction around it. */
	DatabaseResponse get(PlanetScalePrincipal caller, String organizationName, String name) {
		return respond(find(caller, organizationName, name, null), now());
	}

	@Transactional
	DatabaseResponse update(PlanetScalePrincipal caller, String organizationName, String name,
			DatabaseUpdateRequest request) {
		var database = this.databases.findToChange(caller.organizationId(), organizationName, name)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireDatabaseAccess(caller, database, PlanetScaleAccesses.WRITE_DATABASE);
		var problems = new ArrayList<String>();
		request.check(database.getClusterSize(), problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		if (database.update(request.settings(), now)) {
			save(database);
		}
		return respond(database, now);
	}

	@Transactional
	void delete(PlanetScalePrincipal caller, String organizationName, String name) {
		var database = find(caller, organizationName, name, PlanetScaleAccesses.DELETE_DATABASE);
		database.requireDeletable();
		// Their databases go too, where a data plane made them.
		var branches = this.provisioning.serves(database.getKind()) ? this.branches.findByDatabaseId(database.getId())
				: List.<Branch>of();
		if (this.databases.deleteUnlessProtected(database.getId()) == 0) {
			// Changed since it was read: protected by a concurrent PATCH, or already
			// gone.
			if (this.databases.findDeletionProtectedById(database.getId()).orElse(false)) {
				throw Database.deletionRefused(database.getName());
			}
			throw ApiException.notFound("Not Found");
		}
		branches.forEach((branch) -> this.provisioning.drop(branch, database));
	}

	/**
	 * The regions a database's branches may be placed in: those supporting its engine, or
	 * only its own when branches are restricted to it.
	 */
	@Transactional(readOnly = true)
	ListResponse<RegionResponse> regions(PlanetScalePrincipal caller, String organizationName, String name,
			PageQuery query) {
		var database = find(caller, organizationName, name, null);
		var home = database.getRegion();
		var available = this.catalogue.regions()
			.stream()
			.filter((region) -> region.supports(database.getKind()))
			.filter((region) -> !database.isRestrictBranchRegion() || region.getId().equals(home.getId()))
			.map((region) -> RegionResponse.from(region, this.catalogue.enabled(region),
					region.getId().equals(home.getId())))
			.toList();
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + database.getOrganizationName()
				+ "/databases/" + database.getName() + "/regions");
		return ListResponse.of(query.slice(available), available.size(), query, links);
	}

	/**
	 * A database the caller can see, else 404; with {@code access}, 403 when the caller
	 * can see it but lacks that access. One statement: another organization, or a missing
	 * one, has no database of the caller's.
	 */
	private Database find(PlanetScalePrincipal caller, String organizationName, String name, String access) {
		var database = this.databases.find(caller.organizationId(), organizationName, name)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireDatabaseAccess(caller, database, access);
		return database;
	}

	private void save(Database database) {
		try {
			this.databases.flush();
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, UNIQUE_NAME)) {
				throw ApiException.duplicate(NAME_TAKEN);
			}
			throw ex;
		}
	}

	private DatabaseResponse respond(Database database, Instant now) {
		return DatabaseResponse.from(database, this.catalogue.enabled(database.getRegion()), now,
				this.baseUrl.current());
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The region, size and major version a new database would get, and what is wrong. */
	private record Choice(Region region, ClusterSize size, String majorVersion, List<String> problems) {
	}

}
