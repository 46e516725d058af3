package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.dbplane.web.ApiException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change requests {@link BranchService} records when it applies a cluster change or a
 * vtgate resize, read back newest first as PlanetScale lists them (pscale's
 * {@code branch resize status} and {@code branch vtgate show} take the first as the
 * latest).
 */
@Service
class BranchChangeService {

	private final BranchChangeRepository changes;

	private final BranchService branches;

	private final BranchRepository branchRows;

	private final Clock clock;

	private final Catalogue catalogue;

	private final BaseUrl baseUrl;

	private final BranchProvisioning provisioning;

	BranchChangeService(BranchChangeRepository changes, BranchService branches, BranchRepository branchRows,
			Clock clock, Catalogue catalogue, BaseUrl baseUrl, BranchProvisioning provisioning) {
		this.changes = changes;
		this.branches = branches;
		this.branchRows = branchRows;
		this.clock = clock;
		this.catalogue = catalogue;
		this.baseUrl = baseUrl;
		this.provisioning = provisioning;
	}

	@Transactional(readOnly = true)
	ListResponse<BranchChangeResponse> listChanges(PlanetScalePrincipal caller, String organizationName,
			String databaseName, String branchName, PageQuery query) {
		var at = readable(caller, organizationName, databaseName, branchName);
		return list(at, BranchChange.Kind.CLUSTER, "changes", query, (change) -> cluster(change, at));
	}

	/**
	 * Applies a change request of a PostgreSQL branch at once and answers it, completed;
	 * empty when the branch has what was asked already (the API's 204).
	 */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	Optional<BranchChangeResponse> upsert(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, BranchChangeRequest request) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		var branch = this.branches.branch(database, branchName);
		if (database.getKind() != Engine.POSTGRESQL) {
			throw ApiException.invalid("branch changes are only for postgresql databases");
		}
		var problems = new ArrayList<String>();
		request.check(problems);
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
		var now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!branch.upsertCluster(size, request.replicas(), request.parameters(), now)) {
			return Optional.empty();
		}
		var change = this.changes.save(BranchChange.cluster(before, branch, caller.creatorTokenId(), now));
		this.branchRows.flush();
		if (!Objects.equals(before.parameters(), branch.getParameters())) {
			this.provisioning.setParameters(branch, database);
		}
		return Optional.of(cluster(change, new BranchService.At(database, branch)));
	}

	/**
	 * Cancels the queued change requests of a branch: there are none, as every change is
	 * applied when it is asked for, so this checks the caller and the branch and changes
	 * nothing (the API's 204). Under {@code .../changes} only PostgreSQL branches have
	 * change requests, as {@link #upsert} says; the document's {@code .../resizes} is for
	 * either kind.
	 */
	@Transactional(readOnly = true)
	void cancel(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			boolean postgresqlOnly) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.WRITE_BRANCH);
		this.branches.branch(database, branchName);
		if (postgresqlOnly && database.getKind() != Engine.POSTGRESQL) {
			throw ApiException.invalid("branch changes are only for postgresql databases");
		}
	}

	@Transactional(readOnly = true)
	BranchChangeResponse getChange(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String id) {
		var at = readable(caller, organizationName, databaseName, branchName);
		return cluster(find(at, BranchChange.Kind.CLUSTER, id), at);
	}

	@Transactional(readOnly = true)
	ListResponse<BranchResizeResponse> listResizes(PlanetScalePrincipal caller, String organizationName,
			String databaseName, String branchName, PageQuery query) {
		var at = readable(caller, organizationName, databaseName, branchName);
		return list(at, BranchChange.Kind.VTGATE, "resizes", query, (change) -> resize(change, at));
	}

	@Transactional(readOnly = true)
	BranchResizeResponse getResize(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String id) {
		var at = readable(caller, organizationName, databaseName, branchName);
		return resize(find(at, BranchChange.Kind.VTGATE, id), at);
	}

	/**
	 * A PostgreSQL branch's parameters: the catalogue with the values change requests
	 * set; {@code extension} and {@code internal} (immutable) keep only those that are,
	 * or are not, when given.
	 */
	@Transactional(readOnly = true)
	List<BranchParameterResponse> listParameters(PlanetScalePrincipal caller, String organizationName,
			String databaseName, String branchName, Boolean extension, Boolean internal) {
		var at = readable(caller, organizationName, databaseName, branchName);
		if (at.database().getKind() != Engine.POSTGRESQL) {
			throw ApiException.notFound("Not Found");
		}
		var branch = at.branch();
		var url = this.baseUrl.current() + "/v1/organizations/" + at.database().getOrganizationName() + "/databases/"
				+ at.database().getName() + "/branches/" + branch.getName() + "/parameters";
		var actor = ActorResponse.orOrganization(branch.getActorId(), at.database().getOrganizationId());
		return BranchParameter.CATALOGUE.stream()
			.filter((parameter) -> extension == null || parameter.extension() == extension)
			.filter((parameter) -> internal == null || parameter.immutable() == internal)
			.map((parameter) -> BranchParameterResponse.from(parameter, branch.getId(), branch.getParameters(),
					branch.getCreatedAt(), branch.getUpdatedAt(), url, actor))
			.toList();
	}

	private BranchService.At readable(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var database = this.branches.database(caller, organizationName, databaseName, BranchAccesses.READ_BRANCH);
		return new BranchService.At(database, this.branches.branch(database, branchName));
	}

	private <T> ListResponse<T> list(BranchService.At at, BranchChange.Kind kind, String segment, PageQuery query,
			Function<BranchChange, T> respond) {
		Specification<BranchChange> filter = (root, criteria, builder) -> builder
			.and(builder.equal(root.get("branchId"), at.branch().getId()), builder.equal(root.get("kind"), kind));
		var sort = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"));
		var page = SpecificationPages.of(this.changes, filter, query, sort);
		var links = PageLinks.of(this.baseUrl.current(), "/v1/organizations/" + at.database().getOrganizationName()
				+ "/databases/" + at.database().getName() + "/branches/" + at.branch().getName() + "/" + segment);
		return ListResponse.of(page.items().stream().map(respond).toList(), page.total(), query, links);
	}

	private BranchChange find(BranchService.At at, BranchChange.Kind kind, String id) {
		return this.changes.findByIdAndBranchIdAndKind(id, at.branch().getId(), kind)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	private BranchChangeResponse cluster(BranchChange change, BranchService.At at) {
		return BranchChangeResponse.from(change, at.database(), this.catalogue.regionWithId(at.branch().getRegionId()),
				this.catalogue, actor(change, at));
	}

	private BranchResizeResponse resize(BranchChange change, BranchService.At at) {
		return BranchResizeResponse.from(change, actor(change, at));
	}

	private static ActorResponse actor(BranchChange change, BranchService.At at) {
		return ActorResponse.orOrganization(change.getActorId(), at.database().getOrganizationId());
	}

}
