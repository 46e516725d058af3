package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.dbplane.web.ApiException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passwords of MySQL branches: control-plane records until the data plane creates the
 * logins from their stored hashes. On a PostgreSQL database there are none: its branches
 * answer 404 here, as for anything a branch does not have.
 */
@Service
class PasswordService {

	private final BranchPasswordRepository passwords;

	private final BranchService branches;

	private final Catalogue catalogue;

	private final Callers callers;

	private final BaseUrl baseUrl;

	private final Clock clock;

	private final BranchProvisioning provisioning;

	private final TransactionTemplate transaction;

	PasswordService(BranchPasswordRepository passwords, BranchService branches, Catalogue catalogue, Callers callers,
			BaseUrl baseUrl, Clock clock, BranchProvisioning provisioning, PlatformTransactionManager transactions) {
		this.passwords = passwords;
		this.branches = branches;
		this.catalogue = catalogue;
		this.callers = callers;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.provisioning = provisioning;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Transactional(readOnly = true)
	CountedListResponse<PasswordResponse> list(PlanetScalePrincipal caller, String organizationName,
			String databaseName, String branchName, String q, PageQuery query) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.readCredentials(at.branch()));
		Specification<BranchPassword> filter = (root, criteria, builder) -> {
			var where = new ArrayList<Predicate>();
			where.add(builder.equal(root.get("branchId"), at.branch().getId()));
			if (q != null && !q.isBlank()) {
				where.add(builder.like(builder.lower(root.get("name")),
						"%" + likeEscaped(q.strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
		var page = SpecificationPages.of(this.passwords, filter, query,
				Sort.by("createdAt").descending().and(Sort.by("id")));
		var now = now();
		var items = page.items().stream().map((password) -> respond(password, at, null, now)).toList();
		var links = PageLinks.of(this.baseUrl.current(), path(at) + "/passwords").with("q", q);
		return CountedListResponse.of(items, page.total(), query, links);
	}

	/** Creates a password; answers once its login exists (or the wait is over). */
	PasswordResponse create(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, PasswordCreateRequest request) {
		var created = this.transaction
			.execute((status) -> store(caller, organizationName, databaseName, branchName, request));
		this.provisioning.awaitPassword(created.id());
		return created;
	}

	private PasswordResponse store(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, PasswordCreateRequest request) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.writePassword(at.branch(), "reader".equals(request.effectiveRole())));
		var problems = new ArrayList<String>();
		request.check(problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		var name = (request.name() != null) ? request.name() : "password-" + now.toEpochMilli();
		var issued = BranchPassword.issue(at.branch().getId(), name, request.effectiveRole(),
				(request.cidrs() != null && !request.cidrs().isEmpty()) ? request.cidrs() : null,
				Boolean.TRUE.equals(request.replica()), Boolean.TRUE.equals(request.directVtgate()),
				request.effectiveTtl(), caller.creatorTokenId(), now);
		this.passwords.saveAndFlush(issued.password());
		this.provisioning.createLogin(at.branch(), at.database(), issued.password(), issued.secret());
		return respond(issued.password(), at, issued.secret(), now);
	}

	@Transactional(readOnly = true)
	PasswordResponse get(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.readCredentials(at.branch()));
		return respond(password(at, id), at, null, now());
	}

	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	PasswordResponse update(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String id, PasswordUpdateRequest request) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var password = password(at, id);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.writePassword(at.branch(), password.isReadOnly()));
		var problems = new ArrayList<String>();
		request.check(problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		password.update(request.name(), request.cidrs(), now);
		this.passwords.flush();
		return respond(password, at, null, now);
	}

	@Transactional
	PasswordResponse renew(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var password = password(at, id);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.writePassword(at.branch(), password.isReadOnly()));
		var now = now();
		password.renew(now);
		this.passwords.flush();
		this.provisioning.renewLogin(at.branch(), at.database(), password.getUsername(), password.getExpiresAt());
		return respond(password, at, null, now);
	}

	@Transactional
	void delete(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var password = password(at, id);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.deleteCredential(at.branch(), password.isReadOnly()));
		this.passwords.delete(password);
		this.provisioning.dropLogin(at.branch(), at.database(), password.getUsername(), null);
	}

	/** A branch of a MySQL database the caller can see; else 404. */
	private BranchService.At branch(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var at = this.branches.visible(caller, organizationName, databaseName, branchName);
		if (at.database().getKind() != Engine.MYSQL) {
			throw ApiException.notFound("Not Found");
		}
		return at;
	}

	private BranchPassword password(BranchService.At at, String id) {
		return this.passwords.findByBranchIdAndId(at.branch().getId(), id)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	private PasswordResponse respond(BranchPassword password, BranchService.At at, String plainText, Instant now) {
		return PasswordResponse.from(password, at.branch(), this.branches.region(at.branch(), at.database()), plainText,
				now, this.branches.accessHost(at.database()));
	}

	private static String path(BranchService.At at) {
		return "/v1/organizations/" + at.database().getOrganizationName() + "/databases/" + at.database().getName()
				+ "/branches/" + at.branch().getName();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
