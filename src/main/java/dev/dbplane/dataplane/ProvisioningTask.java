package dev.dbplane.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One step of real work on a data-plane server, stored in the same transaction as the
 * change that needs it and done at least once; the steps are idempotent, so "at least"
 * does no harm. Tasks of one branch database run in the order they were stored.
 */
@Entity
@Table(name = "dataplane_task")
class ProvisioningTask {

	static final int ERROR_LENGTH = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ServerKind server;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private TaskAction action;

	@Column(nullable = false, updatable = false)
	private String subject;

	@Column(name = "database_name", nullable = false, updatable = false)
	private String databaseName;

	@Column(name = "parent_database", updatable = false)
	private String parentDatabase;

	@Column(updatable = false)
	private String username;

	/** The server's password verifier; cleared once the task is done. */
	private String verifier;

	@Column(updatable = false)
	private String roles;

	@Column(name = "expires_at", updatable = false)
	private Instant expiresAt;

	@Column(updatable = false)
	private String successor;

	/** SET_PARAMETERS: {@code name=value} lines, the database's settings in full. */
	@Column(updatable = false)
	private String settings;

	@Column(name = "not_before", nullable = false, updatable = false)
	private Instant notBefore;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "completed_at")
	private Instant completedAt;

	protected ProvisioningTask() {
	}

	private ProvisioningTask(ServerKind server, TaskAction action, String subject, String databaseName,
			Instant notBefore) {
		this.server = server;
		this.action = action;
		this.subject = subject;
		this.databaseName = DataPlaneNames.requireDatabase(databaseName);
		this.createdAt = Instant.now();
		this.notBefore = (notBefore != null && notBefore.isAfter(this.createdAt)) ? notBefore : this.createdAt;
		this.nextAttemptAt = this.notBefore;
	}

	static ProvisioningTask createDatabase(ServerKind server, String subject, String database,
			@Nullable String parent) {
		var task = new ProvisioningTask(server, TaskAction.CREATE_DATABASE, subject, database, null);
		task.parentDatabase = (parent != null) ? DataPlaneNames.requireDatabase(parent) : null;
		return task;
	}

	static ProvisioningTask dropDatabase(ServerKind server, String subject, String database) {
		return new ProvisioningTask(server, TaskAction.DROP_DATABASE, subject, database, null);
	}

	static ProvisioningTask createLogin(ServerKind server, String subject, Login login, String verifier) {
		login.validateFor(server);
		var task = new ProvisioningTask(server, TaskAction.CREATE_LOGIN, subject, login.database(), null);
		task.username = login.username();
		task.verifier = verifier;
		task.roles = String.join(",", login.roles());
		task.expiresAt = login.expiresAt();
		return task;
	}

	static ProvisioningTask onLogin(ServerKind server, TaskAction action, String subject, String database,
			String username) {
		var task = new ProvisioningTask(server, action, subject, database, null);
		task.username = DataPlaneNames.requireUsername(username);
		return task;
	}

	static ProvisioningTask setPassword(ServerKind server, String subject, String database, String username,
			String verifier) {
		var task = onLogin(server, TaskAction.SET_PASSWORD, subject, database, username);
		task.verifier = verifier;
		return task;
	}

	static ProvisioningTask setExpiry(ServerKind server, String subject, String database, String username,
			@Nullable Instant expiresAt) {
		var task = onLogin(server, TaskAction.SET_EXPIRY, subject, database, username);
		task.expiresAt = expiresAt;
		return task;
	}

	/** Locks a MySQL account when its expiry is due. */
	static ProvisioningTask expireAt(ServerKind server, String subject, String database, String username,
			Instant expiresAt) {
		var task = new ProvisioningTask(server, TaskAction.EXPIRE_LOGIN, subject, database, expiresAt);
		task.username = DataPlaneNames.requireUsername(username);
		task.expiresAt = expiresAt;
		return task;
	}

	static ProvisioningTask dropLogin(ServerKind server, String subject, String database, String username,
			@Nullable String successor) {
		var task = onLogin(server, TaskAction.DROP_LOGIN, subject, database, username);
		task.successor = (successor != null) ? DataPlaneNames.requireUsername(successor) : null;
		return task;
	}

	/**
	 * Gives what a PostgreSQL login owns to {@code successor}, or to the branch's owner.
	 */
	static ProvisioningTask reassignOwned(ServerKind server, String subject, String database, String username,
			@Nullable String successor) {
		var task = onLogin(server, TaskAction.REASSIGN_OWNED, subject, database, username);
		task.successor = (successor != null) ? DataPlaneNames.requireUsername(successor) : null;
		return task;
	}

	static ProvisioningTask setParameters(ServerKind server, String subject, String database,
			Map<String, String> settings) {
		var task = new ProvisioningTask(server, TaskAction.SET_PARAMETERS, subject, database, null);
		var lines = new StringBuilder();
		settings.forEach((name, value) -> {
			if (!name.matches("[a-z_][a-z0-9_.]*") || value.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("Not a setting: " + name);
			}
			lines.append(name).append('=').append(value).append('\n');
		});
		task.settings = lines.toString();
		return task;
	}

	/** Done: the verifier is no longer needed, so it is not kept. */
	void complete(Instant now) {
		this.completedAt = now;
		this.verifier = null;
		this.lastError = null;
	}

	/** Made pointless by a later task (a renewed or dropped login's pending expiry). */
	void supersede(Instant now) {
		this.completedAt = now;
		this.verifier = null;
		this.lastError = "superseded";
	}

	/** Failed this time; tried again after a backoff that doubles per failure. */
	Duration fail(Instant now, String error, Duration initialBackoff, Duration maxBackoff) {
		this.attempts++;
		var backoff = initialBackoff.multipliedBy(1L << Math.min(this.attempts - 1, 20));
		if (backoff.compareTo(maxBackoff) > 0) {
			backoff = maxBackoff;
		}
		this.nextAttemptAt = now.plus(backoff);
		this.lastError = (error.length() > ERROR_LENGTH) ? error.substring(0, ERROR_LENGTH) : error;
		return backoff;
	}

	Login login() {
		return new Login(this.databaseName, this.username,
				(this.roles == null || this.roles.isEmpty()) ? List.of() : Arrays.asList(this.roles.split(",")),
				this.expiresAt);
	}

	/** SET_PARAMETERS: the settings by name, in the order they were given. */
	Map<String, String> settings() {
		var settings = new LinkedHashMap<String, String>();
		if (this.settings != null) {
			this.settings.lines().forEach((line) -> {
				var at = line.indexOf('=');
				settings.put(line.substring(0, at), line.substring(at + 1));
			});
		}
		return settings;
	}

	Long id() {
		return this.id;
	}

	ServerKind server() {
		return this.server;
	}

	TaskAction action() {
		return this.action;
	}

	String subject() {
		return this.subject;
	}

	String databaseName() {
		return this.databaseName;
	}

	String parentDatabase() {
		return this.parentDatabase;
	}

	String username() {
		return this.username;
	}

	String verifier() {
		return this.verifier;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	String successor() {
		return this.successor;
	}

	int attempts() {
		return this.attempts;
	}

	Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	String lastError() {
		return this.lastError;
	}

	Instant completedAt() {
		return this.completedAt;
	}

	boolean completed() {
		return this.completedAt != null;
	}

	@Override
	public String toString() {
		return "task " + this.id + " " + this.action + " " + this.server + " " + this.databaseName
				+ ((this.username != null) ? " " + this.username : "");
	}

}
