package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dbplane.dataplane.DataPlane;
import dev.dbplane.dataplane.DataPlaneNames;
import dev.dbplane.dataplane.DataPlaneProperties;
import dev.dbplane.dataplane.Login;
import dev.dbplane.dataplane.ProvisioningListener;
import dev.dbplane.dataplane.ServerKind;
import dev.dbplane.dataplane.TableSchema;

import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real work behind branches and their credentials, when a data plane serves their
 * kind: each branch is a database of its own ({@code ps_<branch id>}), each password or
 * role a login on it. Every call stores its tasks in the caller's transaction, so they
 * commit with the change that needs them or not at all.
 * <p>
 * A new branch is {@link Branch.Provisioning#WAITING} until its tasks are stored: in the
 * transaction that stores a branch created on its own, right after the statement that
 * stores a new database and its default branch (which runs outside any transaction, being
 * batched with others), and by a sweep for whatever a crash left between the two. The
 * branch is pending until its tasks are all done, which {@link #completed} records in the
 * transaction that records the last one: once, on one replica.
 */
@Component
class BranchProvisioning implements ProvisioningListener {

	private static final Logger log = LoggerFactory.getLogger(BranchProvisioning.class);

	private static final String BRANCH = "branch:";

	private static final String PASSWORD = "password:";

	private static final String ROLE = "role:";

	private final DataPlane dataPlane;

	private final BranchRepository branches;

	private final BranchRoleRepository roles;

	private final EntityManager entities;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final Duration credentialWait;

	BranchProvisioning(DataPlane dataPlane, BranchRepository branches, BranchRoleRepository roles,
			EntityManager entities, PlatformTransactionManager transactions, Clock clock,
			DataPlaneProperties properties) {
		this.dataPlane = dataPlane;
		this.branches = branches;
		this.roles = roles;
		this.entities = entities;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.credentialWait = properties.worker().credentialWait();
	}

	/** Whether a data plane serves databases of this kind (else: records only). */
	boolean serves(Engine kind) {
		return this.dataPlane.isReal(server(kind));
	}

	/**
	 * The host and port clients of this kind connect to: the data plane's, else the
	 * public base URL's host.
	 */
	String accessHost(Engine kind, String baseUrl) {
		return this.dataPlane.endpoint(server(kind))
			.map((endpoint) -> endpoint.hostAndPort(Hosts.of(baseUrl)))
			.orElseGet(() -> Hosts.of(baseUrl));
	}

	/** The name of a branch's real database. */
	static String databaseName(Branch branch) {
		return DataPlaneNames.branchDatabase(branch.getId());
	}

	/**
	 * Stores the branch's tasks if they are not stored yet; in the caller's transaction.
	 * Waits for a concurrent request of the same branch to end, so the caller's own tasks
	 * on the branch (a login) always come after its database's.
	 */
	void request(Branch branch, Database database) {
		if (branch.getProvisioning() != Branch.Provisioning.WAITING) {
			return;
		}
		var managed = this.entities.contains(branch) ? branch : this.entities.find(Branch.class, branch.getId());
		if (managed == null) {
			return;
		}
		this.entities.refresh(managed, LockModeType.PESSIMISTIC_WRITE);
		if (!managed.takeProvisioning()) {
			return;
		}
		provision(managed, database);
	}

	private void provision(Branch branch, Database database) {
		var kind = server(database.getKind());
		var subject = BRANCH + branch.getId();
		String parent = null;
		if (branch.getParentBranch() != null) {
			parent = this.branches.findByDatabaseIdAndName(database.getId(), branch.getParentBranch())
				.map(BranchProvisioning::databaseName)
				.orElse(null);
		}
		this.dataPlane.createBranchDatabase(kind, subject, databaseName(branch), parent);
		if (kind == ServerKind.POSTGRESQL) {
			// The default role logs in from the start; its password is shown only by
			// reset-default, so this one is never seen.
			var now = now();
			var role = this.roles.findByBranchIdAndDefaultRoleTrue(branch.getId()).orElse(null);
			String secret;
			if (role == null) {
				var issued = BranchRole.issueDefault(branch.getId(), now);
				role = this.roles.save(issued.role());
				secret = issued.secret();
			}
			else {
				secret = role.resetPassword(now);
			}
			this.dataPlane.createLogin(kind, subject, login(branch, role), secret);
		}
		this.branches.flush();
	}

	/** {@link #request} in a transaction of its own, for a branch stored without one. */
	void requestSeparately(String branchId) {
		try {
			this.separately.executeWithoutResult((status) -> this.branches.findById(branchId)
				.ifPresent((branch) -> request(branch, database(branch))));
		}
		catch (RuntimeException ex) {
			// Stays WAITING: the sweep asks again.
			log.warn("Provisioning of branch {} not requested yet: {}", branchId, ex.toString());
		}
	}

	/** Asks for the work of branches a crash (or a failed request) left waiting. */
	@Scheduled(initialDelayString = "${dbplane.dataplane.worker.sweep-interval:10s}",
			fixedDelayString = "${dbplane.dataplane.worker.sweep-interval:10s}")
	void sweep() {
		if (!serves(Engine.POSTGRESQL) && !serves(Engine.MYSQL)) {
			return;
		}
		// Branches younger than a few seconds are still in the hands of the request that
		// stored them.
		var before = this.clock.instant().minusSeconds(5);
		List<String> waiting = this.branches.findIdsWaitingSince(before, Limit.of(100));
		waiting.forEach(this::requestSeparately);
	}

	/** Drops the branch's database and its logins, when it has one. */
	void drop(Branch branch, Database database) {
		if (serves(database.getKind())) {
			this.dataPlane.dropBranchDatabase(server(database.getKind()), BRANCH + branch.getId(),
					databaseName(branch));
		}
	}

	/** A password's login: one of the MySQL roles on its branch's database. */
	void createLogin(Branch branch, Database database, BranchPassword password, String secret) {
		if (serves(database.getKind())) {
			request(branch, database);
			this.dataPlane.createLogin(ServerKind.MYSQL, PASSWORD + password.getId(), new Login(databaseName(branch),
					password.getUsername(), List.of(password.getRole()), password.getExpiresAt()), secret);
		}
	}

	/** A role's login, with its inherited roles on its branch's database. */
	void createLogin(Branch branch, Database database, BranchRole role, String secret) {
		if (serves(database.getKind())) {
			request(branch, database);
			this.dataPlane.createLogin(ServerKind.POSTGRESQL, ROLE + role.getId(), login(branch, role), secret);
		}
	}

	/**
	 * Waits until a new password's login exists (at most {@code credential-wait}), so the
	 * answer logs in at once; outside the transaction that created it.
	 */
	void awaitPassword(String passwordId) {
		await(Engine.MYSQL, PASSWORD + passwordId);
	}

	/** Waits until a new role's login exists, as {@link #awaitPassword}. */
	void awaitRole(String roleId) {
		await(Engine.POSTGRESQL, ROLE + roleId);
	}

	/**
	 * Waits until a branch's work (a reset default password) is done, as
	 * {@link #awaitPassword}.
	 */
	void awaitBranch(Engine kind, String branchId) {
		await(kind, BRANCH + branchId);
	}

	private void await(Engine kind, String subject) {
		if (serves(kind) && !this.dataPlane.awaitDone(subject, this.credentialWait)) {
			log.info("Answering before the data plane has made {}: it keeps trying", subject);
		}
	}

	/** A new password for a login. */
	void resetPassword(Branch branch, Database database, String username, String secret) {
		if (serves(database.getKind())) {
			request(branch, database);
			this.dataPlane.resetPassword(server(database.getKind()), BRANCH + branch.getId(), databaseName(branch),
					username, secret);
		}
	}

	/** A login's new expiry; {@code null} for never. */
	void renewLogin(Branch branch, Database database, String username, Instant expiresAt) {
		if (serves(database.getKind())) {
			this.dataPlane.renewLogin(server(database.getKind()), BRANCH + branch.getId(), databaseName(branch),
					username, expiresAt);
		}
	}

	/**
	 * Drops a login; a PostgreSQL one gives what it owns to {@code successor} (a
	 * username), else to the branch's owner.
	 */
	void dropLogin(Branch branch, Database database, String username, String successor) {
		if (serves(database.getKind())) {
			this.dataPlane.dropLogin(server(database.getKind()), BRANCH + branch.getId(), databaseName(branch),
					username, successor);
		}
	}

	/**
	 * Gives what a PostgreSQL login owns to {@code successor} (a username), else to the
	 * branch's owner; the login stays.
	 */
	void reassignOwned(Branch branch, Database database, String username, String successor) {
		if (serves(database.getKind())) {
			this.dataPlane.reassignOwned(server(database.getKind()), BRANCH + branch.getId(), databaseName(branch),
					username, successor);
		}
	}

	/**
	 * Sets a PostgreSQL branch's parameters on its database, as the branch has them now:
	 * those PostgreSQL lets a database's owner set for the sessions that start on it
	 * ({@link BranchParameter#perDatabase}); the others stay records.
	 */
	void setParameters(Branch branch, Database database) {
		if (database.getKind() == Engine.POSTGRESQL && serves(Engine.POSTGRESQL)) {
			request(branch, database);
			this.dataPlane.setParameters(ServerKind.POSTGRESQL, BRANCH + branch.getId(), databaseName(branch),
					BranchParameter.perDatabase(branch.getParameters()));
		}
	}

	/**
	 * The tables of a branch's database, read from its server now: none without a data
	 * plane of its kind, or before the database is made.
	 * @param schema PostgreSQL's schema; MySQL's database is its one schema
	 */
	List<TableSchema> schema(Branch branch, Database database, String schema) {
		return this.dataPlane.schema(server(database.getKind()), databaseName(branch), schema);
	}

	/** Records a branch provisioned once its last task is done. */
	@Override
	public void completed(CompletedTask task) {
		if (task.subjectDone() && task.subject().startsWith(BRANCH)) {
			this.branches.provisioned(task.subject().substring(BRANCH.length()), now());
		}
	}

	private Database database(Branch branch) {
		return this.entities.find(Database.class, branch.getDatabaseId());
	}

	private static Login login(Branch branch, BranchRole role) {
		return new Login(databaseName(branch), role.getUsername(), role.getInheritedRoles(), role.getExpiresAt());
	}

	private static ServerKind server(Engine kind) {
		return (kind == Engine.MYSQL) ? ServerKind.MYSQL : ServerKind.POSTGRESQL;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
