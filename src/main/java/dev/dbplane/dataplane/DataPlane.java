package dev.dbplane.dataplane;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the PlanetScale family asks of the servers behind its branches. Each method stores
 * a task in the caller's transaction (or its own, when there is none) and returns the
 * task's id; the work runs after that transaction commits, on whichever replica claims
 * it, and {@link ProvisioningListener}s are told when it is done. Methods of a kind
 * without a configured server throw: ask {@link #isReal} first.
 */
public class DataPlane {

	private final ProvisioningTaskRepository tasks;

	private final ProvisioningWorker worker;

	private final Map<ServerKind, Endpoint> endpoints = new EnumMap<>(ServerKind.class);

	private final Map<ServerKind, DataPlaneServer> servers = new EnumMap<>(ServerKind.class);

	/**
	 * Stores tasks through {@code tasks} and runs them on {@code worker}.
	 * @param endpoints where clients connect, by each kind that has a server
	 * @param servers the servers, for what is read from them at once
	 */
	DataPlane(ProvisioningTaskRepository tasks, ProvisioningWorker worker, Map<ServerKind, Endpoint> endpoints,
			Map<ServerKind, DataPlaneServer> servers) {
		this.tasks = tasks;
		this.worker = worker;
		this.endpoints.putAll(endpoints);
		this.servers.putAll(servers);
	}

	/** Whether credentials of this kind log in to a real server (else: records only). */
	public boolean isReal(ServerKind kind) {
		return this.endpoints.containsKey(kind);
	}

	/** Where clients of this kind connect, when it has a server. */
	public Optional<Endpoint> endpoint(ServerKind kind) {
		return Optional.ofNullable(this.endpoints.get(kind));
	}

	/**
	 * A branch's database; MySQL branches start with {@code parentDatabase}'s tables and
	 * none of its rows, PostgreSQL branches start empty ({@code parentDatabase} ignored).
	 */
	@Transactional
	public long createBranchDatabase(ServerKind kind, String subject, String database,
			@Nullable String parentDatabase) {
		return enqueue(ProvisioningTask.createDatabase(requireReal(kind), subject, database,
				(kind == ServerKind.MYSQL) ? parentDatabase : null));
	}

	/** Drops a branch's database and every login created for it. */
	@Transactional
	public long dropBranchDatabase(ServerKind kind, String subject, String database) {
		return enqueue(ProvisioningTask.dropDatabase(requireReal(kind), subject, database));
	}

	/**
	 * A login; only the password's verifier is stored ({@code plaintextPassword} is not
	 * kept beyond this call).
	 */
	@Transactional
	public long createLogin(ServerKind kind, String subject, Login login, String plaintextPassword) {
		var id = enqueue(
				ProvisioningTask.createLogin(requireReal(kind), subject, login, Verifiers.of(kind, plaintextPassword)));
		scheduleExpiry(kind, subject, login.database(), login.username(), login.expiresAt());
		return id;
	}

	/** A new password for a login ({@code reset-default}, {@code reset}). */
	@Transactional
	public long resetPassword(ServerKind kind, String subject, String database, String username,
			String plaintextPassword) {
		return enqueue(ProvisioningTask.setPassword(requireReal(kind), subject, database, username,
				Verifiers.of(kind, plaintextPassword)));
	}

	/**
	 * A new expiry ({@code renew}), {@code null} for never; an expired login works again.
	 */
	@Transactional
	public long renewLogin(ServerKind kind, String subject, String database, String username,
			@Nullable Instant expiresAt) {
		supersedeExpiries(kind, username);
		var id = enqueue(ProvisioningTask.setExpiry(requireReal(kind), subject, database, username, expiresAt));
		scheduleExpiry(kind, subject, database, username, expiresAt);
		return id;
	}

	/**
	 * Drops a login; PostgreSQL gives what it owns to {@code successor} (a username), or
	 * to the branch's owner role when {@code null}.
	 */
	@Transactional
	public long dropLogin(ServerKind kind, String subject, String database, String username,
			@Nullable String successor) {
		supersedeExpiries(kind, username);
		return enqueue(ProvisioningTask.dropLogin(requireReal(kind), subject, database, username, successor));
	}

	/**
	 * Gives what a PostgreSQL login owns to {@code successor} (a username), or to the
	 * branch's owner role when {@code null}; the login stays ({@code reassign}).
	 */
	@Transactional
	public long reassignOwned(ServerKind kind, String subject, String database, String username,
			@Nullable String successor) {
		return enqueue(ProvisioningTask.reassignOwned(requireReal(kind), subject, database, username, successor));
	}

	/**
	 * Makes {@code settings} (name to value) a PostgreSQL database's own settings, in
	 * place of those an earlier call set.
	 */
	@Transactional
	public long setParameters(ServerKind kind, String subject, String database, Map<String, String> settings) {
		if (kind != ServerKind.POSTGRESQL) {
			throw new IllegalArgumentException("Only PostgreSQL databases have parameters");
		}
		return enqueue(ProvisioningTask.setParameters(requireReal(kind), subject, database, settings));
	}

	/**
	 * The tables of a branch's database as its server describes them now; none when the
	 * kind has no server, or the database is not made yet.
	 * @param schema PostgreSQL's schema (MySQL has one per database)
	 * @throws DataPlaneUnavailableException when the server cannot be asked
	 */
	public List<TableSchema> schema(ServerKind kind, String database, String schema) {
		var server = this.servers.get(kind);
		if (server == null) {
			return List.of();
		}
		try {
			return server.schema(DataPlaneNames.requireDatabase(database), schema);
		}
		catch (SQLException ex) {
			throw new DataPlaneUnavailableException("The " + kind + " data plane cannot describe " + database, ex);
		}
	}

	/** Whether the task is done. */
	@Transactional(readOnly = true)
	public boolean isCompleted(long taskId) {
		return this.tasks.findById(taskId).map(ProvisioningTask::completed).orElse(false);
	}

	/**
	 * Waits until the subject's tasks are done, at most {@code atMost}; call it outside
	 * any transaction, after the one that stored them committed.
	 * @return whether they are done
	 */
	public boolean awaitDone(String subject, Duration atMost) {
		var deadline = System.nanoTime() + atMost.toNanos();
		while (hasPendingWork(subject)) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** Whether tasks of this subject are still waiting. */
	@Transactional(readOnly = true)
	public boolean hasPendingWork(String subject) {
		return this.tasks.existsBySubjectAndCompletedAtIsNull(subject);
	}

	private void scheduleExpiry(ServerKind kind, String subject, String database, String username,
			@Nullable Instant expiresAt) {
		// PostgreSQL refuses the login by itself (VALID UNTIL); MySQL's account is locked
		// when due.
		if (kind == ServerKind.MYSQL && expiresAt != null && expiresAt.isAfter(Instant.now())) {
			this.tasks.save(ProvisioningTask.expireAt(kind, subject, database, username, expiresAt));
		}
	}

	private void supersedeExpiries(ServerKind kind, String username) {
		var now = Instant.now();
		this.tasks.pendingExpiries(kind, username, now).forEach((task) -> task.supersede(now));
	}

	private long enqueue(ProvisioningTask task) {
		var id = this.tasks.save(task).id();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					DataPlane.this.worker.trigger();
				}
			});
		}
		else {
			this.worker.trigger();
		}
		return id;
	}

	private ServerKind requireReal(ServerKind kind) {
		if (!isReal(kind)) {
			throw new IllegalStateException("No " + kind + " data plane is configured");
		}
		return kind;
	}

}
