package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.security.PlanetScaleAccesses;
import dev.dbplane.web.ApiException;
import dev.dbplane.web.Constraints;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

	DatabaseService(DatabaseRepository databases, Organizations organizations, Catalogue catalogue,
			PlanetScaleProperties properties, Clock clock, BaseUrl baseUrl, Callers callers) {
		this.databases = databases;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.callers = callers;
	}

	@Transactional
	DatabaseResponse create(String organizationName, DatabaseCreateRequest request) {
		var organization = this.organizations.find(organizationName);
		this.callers.requireOrganizationAccess(PlanetScaleAccesses.CREATE_DATABASES);
		var problems = new ArrayList<String>();
		request.check(problems);
		var engine = request.engine();
		var region = this.catalogue.regionForNewDatabase(request.region(), organization, engine, problems);
		var size = (request.clusterSize() == null || request.clusterSize().isBlank()) ? null
				: this.catalogue.clusterSizeForNewDatabase(request.clusterSize(), engine, region, problems);
		var majorVersion = (engine == Engine.POSTGRESQL)
				? this.catalogue.majorVersionForNewDatabase(request.majorVersion(), problems) : null;
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		var database = new Database(organization, request.name(), engine, region, size, request.replicas(),
				majorVersion, request.minimumStorageBytes(), request.maximumStorageBytes(), now,
				this.properties.provisioningDelay());
		save(database);
		this.callers.grantCreator(database);
		return respond(database, now);
	}

	@Transactional(readOnly = true)
	CountedListResponse<DatabaseResponse> list(String organizationName, String q, PageQuery query) {
		var organization = this.organizations.find(organizationName);
		Specification<Database> spec = (root, cq, cb) -> cb.equal(root.get("organization"), organization);
		var caller = this.callers.current();
		if (!caller.seesAllDatabases()) {
			// A token sees only the databases it has an access on: an empty list when
			// none.
			var visible = this.callers.databasesOf(caller);
			spec = spec.and((root, cq, cb) -> visible.isEmpty() ? cb.disjunction() : root.get("id").in(visible));
		}
		if (q != null && !q.isBlank()) {
			var pattern = "%" + likeEscaped(q.strip().toLowerCase()) + "%";
			spec = spec.and((root, cq, cb) -> cb.like(cb.lower(root.get("name")), pattern, '\\'));
		}
		var total = this.databases.count(spec);
		List<Database> page = query.beyond(total) ? List.of()
				: this.databases.findAll(spec, PageRequest.of(query.page() - 1, query.perPage(), Sort.by("name", "id")))
					.getContent();
		var now = now();
		var items = page.stream().map((database) -> respond(database, now)).toList();
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + organization.getName() + "/databases")
			.with("q", q);
		return CountedListResponse.of(items, total, query, links);
	}

	@Transactional(readOnly = true)
	DatabaseResponse get(String organizationName, String name) {
		return respond(find(organizationName, name, null), now());
	}

	@Transactional
	DatabaseResponse update(String organizationName, String name, DatabaseUpdateRequest request) {
		var database = find(organizationName, name, PlanetScaleAccesses.WRITE_DATABASE);
		var problems = new ArrayList<String>();
		request.check(database.getClusterSize(), problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		database.update(request.settings(), now);
		save(database);
		return respond(database, now);
	}

	@Transactional
	void delete(String organizationName, String name) {
		var database = find(organizationName, name, PlanetScaleAccesses.DELETE_DATABASE);
		database.requireDeletable();
		if (this.databases.deleteUnlessProtected(database.getId()) == 0) {
			// Changed since it was read: protected by a concurrent PATCH, or already
			// gone.
			if (this.databases.findDeletionProtectedById(database.getId()).orElse(false)) {
				throw Database.deletionRefused(database.getName());
			}
			throw ApiException.notFound("Not Found");
		}
	}

	/**
	 * The regions a database's branches may be placed in: those supporting its engine, or
	 * only its own when branches are restricted to it.
	 */
	@Transactional(readOnly = true)
	ListResponse<RegionResponse> regions(String organizationName, String name, PageQuery query) {
		var database = find(organizationName, name, null);
		var home = database.getRegion();
		var available = this.catalogue.regions()
			.stream()
			.filter((region) -> region.supports(database.getKind()))
			.filter((region) -> !database.isRestrictBranchRegion() || region.getId().equals(home.getId()))
			.map((region) -> RegionResponse.from(region, this.catalogue.enabled(region),
					region.getId().equals(home.getId())))
			.toList();
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + database.getOrganization().getName()
				+ "/databases/" + database.getName() + "/regions");
		return ListResponse.of(query.slice(available), available.size(), query, links);
	}

	/**
	 * A database the caller can see, else 404; with {@code access}, 403 when the caller
	 * can see it but lacks that access.
	 */
	private Database find(String organizationName, String name, String access) {
		var organization = this.organizations.find(organizationName);
		var database = this.databases.findByOrganizationAndName(organization, name)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireDatabaseAccess(database, access);
		return database;
	}

	private void save(Database database) {
		try {
			this.databases.saveAndFlush(database);
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

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
