package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;

import dev.dbplane.web.ApiException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roles of PostgreSQL branches: control-plane records until the data plane creates the
 * logins from their stored verifiers. On a MySQL database there are none: its branches
 * answer 404 here, as for anything a branch does not have.
 */
@Service
class RoleService {

	private final BranchRoleRepository roles;

	private final BranchService branches;

	private final Callers callers;

	private final BaseUrl baseUrl;

	private final Clock clock;

	private final TransactionTemplate separately;

	private final BranchProvisioning provisioning;

	RoleService(BranchRoleRepository roles, BranchService branches, Callers callers, BaseUrl baseUrl, Clock clock,
			PlatformTransactionManager transactions, BranchProvisioning provisioning) {
		this.roles = roles;
		this.branches = branches;
		this.callers = callers;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.provisioning = provisioning;
	}

	@Transactional(readOnly = true)
	CountedListResponse<RoleResponse> list(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, String q, PageQuery query) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.readCredentials(at.branch()));
		Specification<BranchRole> filter = (root, criteria, builder) -> {
			var where = new ArrayList<Predicate>();
			where.add(builder.equal(root.get("branchId"), at.branch().getId()));
			// The default role has a route of its own and is made with the branch.
			where.add(builder.isFalse(root.get("defaultRole")));
			if (q != null && !q.isBlank()) {
				where.add(builder.like(builder.lower(root.get("name")),
						"%" + likeEscaped(q.strip().toLowerCase(Locale.ROOT)) + "%", '\\'));
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
		var page = SpecificationPages.of(this.roles, filter, query,
				Sort.by("createdAt").descending().and(Sort.by("id")));
		var now = now();
		var items = page.items().stream().map((role) -> respond(role, at, null, now)).toList();
		var links = PageLinks
			.of(this.baseUrl.current(),
					"/v1/organizations/" + at.database().getOrganizationName() + "/databases/" + at.database().getName()
							+ "/branches/" + at.branch().getName() + "/roles")
			.with("q", q);
		return CountedListResponse.of(items, page.total(), query, links);
	}

	/** Creates a role; answered 200, as the vendor's document says. */
	/** Creates a role; answers once its login exists (or the wait is over). */
	RoleResponse create(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			RoleCreateRequest request) {
		var created = this.separately
			.execute((status) -> store(caller, organizationName, databaseName, branchName, request));
		this.provisioning.awaitRole(created.id());
		return created;
	}

	private RoleResponse store(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName, RoleCreateRequest request) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var problems = new ArrayList<String>();
		request.check(problems);
		var inherited = request.effectiveInheritedRoles();
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.writeRole(at.branch(),
				problems.isEmpty() && RoleCreateRequest.READ_ONLY.containsAll(inherited)));
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		var name = (request.name() != null) ? request.name() : "role-" + now.toEpochMilli();
		var issued = BranchRole.issue(at.branch().getId(), name, inherited,
				Boolean.TRUE.equals(request.withReplication()),
				(request.requireWhereOnDelete() != null) ? request.requireWhereOnDelete() : "off",
				(request.requireWhereOnUpdate() != null) ? request.requireWhereOnUpdate() : "off",
				request.effectiveTtl(), caller.creatorTokenId(), now);
		this.roles.saveAndFlush(issued.role());
		this.provisioning.createLogin(at.branch(), at.database(), issued.role(), issued.secret());
		return respond(issued.role(), at, issued.secret(), now);
	}

	@Transactional(readOnly = true)
	RoleResponse get(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.readCredentials(at.branch()));
		return respond(role(at, id), at, null, now());
	}

	/**
	 * The branch's default role, {@code postgres}, made the first time it is asked for.
	 */
	RoleResponse getDefault(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(), BranchAccesses.readCredentials(at.branch()));
		return respond(defaultRole(at), at, null, now());
	}

	/** A new password for the default role, shown this once. */
	RoleResponse.Reset resetDefault(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.deleteCredential(at.branch(), false));
		var reset = resetPassword(caller, at, defaultRole(at).getId());
		return new RoleResponse.Reset(reset.username(), reset.password(), reset.accessHostUrl());
	}

	/**
	 * A new password for a role, shown this once in the role it answers; the old one
	 * stops working. Answers once the login has it (or the wait is over).
	 */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	RoleResponse reset(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		return resetPassword(caller, branch(caller, organizationName, databaseName, branchName), id);
	}

	private RoleResponse resetPassword(PlanetScalePrincipal caller, BranchService.At at, String id) {
		var reset = this.separately.execute((status) -> {
			var role = role(at, id);
			this.callers.requireAnyDatabaseAccess(caller, at.database(),
					BranchAccesses.deleteCredential(at.branch(), role.isReadOnly()));
			var now = now();
			var secret = role.resetPassword(now);
			this.roles.flush();
			this.provisioning.resetPassword(at.branch(), at.database(), role.getUsername(), secret);
			return respond(role, at, secret, now);
		});
		this.provisioning.awaitBranch(Engine.POSTGRESQL, at.branch().getId());
		return reset;
	}

	/**
	 * Renews a role with a ttl: by its ttl again, from now; an expired login works again.
	 * Answers once the login has its new expiry (or the wait is over).
	 */
	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	RoleResponse renew(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var renewed = this.separately.execute((status) -> {
			var role = role(at, id);
			this.callers.requireAnyDatabaseAccess(caller, at.database(),
					BranchAccesses.writeRole(at.branch(), role.isReadOnly()));
			var now = now();
			role.renew(now);
			this.roles.flush();
			this.provisioning.renewLogin(at.branch(), at.database(), role.getUsername(), role.getExpiresAt());
			return respond(role, at, null, now);
		});
		this.provisioning.awaitBranch(Engine.POSTGRESQL, at.branch().getId());
		return renewed;
	}

	/**
	 * Gives what a role owns in its branch's database to {@code successor}, another role
	 * of the branch; the role stays. Answers once that is done (or the wait is over).
	 */
	void reassign(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id, String successor) {
		var at = branch(caller, organizationName, databaseName, branchName);
		this.separately.executeWithoutResult((status) -> {
			var role = role(at, id);
			this.callers.requireAnyDatabaseAccess(caller, at.database(),
					BranchAccesses.deleteCredential(at.branch(), role.isReadOnly()));
			if (successor == null || successor.isBlank()) {
				throw ApiException.invalid("successor is required");
			}
			this.provisioning.reassignOwned(at.branch(), at.database(), role.getUsername(), heir(at, role, successor));
		});
		this.provisioning.awaitBranch(Engine.POSTGRESQL, at.branch().getId());
	}

	@Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 8, delay = 10, jitter = 5,
			multiplier = 2, maxDelay = 200)
	@Transactional
	RoleResponse update(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName,
			String id, RoleUpdateRequest request) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var role = role(at, id);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.writeRole(at.branch(), role.isReadOnly()));
		var problems = new ArrayList<String>();
		request.check(problems);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		var now = now();
		role.update(request.name(), request.requireWhereOnDelete(), request.requireWhereOnUpdate(), now);
		this.roles.flush();
		return respond(role, at, null, now);
	}

	/**
	 * Deletes a role. {@code successor}, another role of the branch, takes over what the
	 * role owns; it must exist.
	 */
	@Transactional
	void delete(PlanetScalePrincipal caller, String organizationName, String databaseName, String branchName, String id,
			String successor) {
		var at = branch(caller, organizationName, databaseName, branchName);
		var role = role(at, id);
		this.callers.requireAnyDatabaseAccess(caller, at.database(),
				BranchAccesses.deleteCredential(at.branch(), role.isReadOnly()));
		if (role.isDefaultRole()) {
			throw ApiException.invalid("The default role cannot be deleted; reset its password instead");
		}
		var heirUsername = (successor != null && !successor.isBlank()) ? heir(at, role, successor) : null;
		this.roles.delete(role);
		// Without a successor, what the role owns goes to the branch's owner, which the
		// default role acts as.
		this.provisioning.dropLogin(at.branch(), at.database(), role.getUsername(), heirUsername);
	}

	/**
	 * The username of the role that takes over what {@code role} owns: {@code successor}
	 * is another role of the branch, by id or by username with or without the branch's
	 * suffix, as the document says. {@code null} for the default role, whose sessions act
	 * as the branch's owner role, which then takes it over.
	 */
	private String heir(BranchService.At at, BranchRole role, String successor) {
		var branchId = at.branch().getId();
		var heir = this.roles.findByBranchIdAndId(branchId, successor)
			.or(() -> this.roles.findByBranchIdAndUsername(branchId, successor))
			.or(() -> this.roles.findByBranchIdAndUsername(branchId, successor + "." + branchId));
		if (heir.isEmpty() && successor.equals(BranchRole.DEFAULT_NAME) && !role.isDefaultRole()) {
			// the default role, not made yet
			return null;
		}
		if (heir.isEmpty() || heir.get().getId().equals(role.getId())) {
			throw ApiException.invalid("successor " + successor + " is not another role of this branch");
		}
		return heir.get().isDefaultRole() ? null : heir.get().getUsername();
	}

	private BranchRole defaultRole(BranchService.At at) {
		var existing = this.roles.findByBranchIdAndDefaultRoleTrue(at.branch().getId());
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			this.separately.executeWithoutResult(
					(status) -> this.roles.saveAndFlush(BranchRole.issueDefault(at.branch().getId(), now()).role()));
		}
		catch (DataIntegrityViolationException ex) {
			// another request made it first; the branch may also have gone meanwhile
		}
		return this.roles.findByBranchIdAndDefaultRoleTrue(at.branch().getId())
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	/** A branch of a PostgreSQL database the caller can see; else 404. */
	private BranchService.At branch(PlanetScalePrincipal caller, String organizationName, String databaseName,
			String branchName) {
		var at = this.branches.visible(caller, organizationName, databaseName, branchName);
		if (at.database().getKind() != Engine.POSTGRESQL) {
			throw ApiException.notFound("Not Found");
		}
		return at;
	}

	private BranchRole role(BranchService.At at, String id) {
		return this.roles.findByBranchIdAndId(at.branch().getId(), id)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	private RoleResponse respond(BranchRole role, BranchService.At at, String password, Instant now) {
		return RoleResponse.from(role, at.branch(), at.database().getOrganizationId(), password, now,
				this.branches.accessHost(at.database()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
