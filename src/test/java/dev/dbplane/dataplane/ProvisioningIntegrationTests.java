package dev.dbplane.dataplane;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dbplane.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.dbplane.dataplane.Logins.column;
import static dev.dbplane.dataplane.Logins.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Provisioning through the task table, in the running application on real servers: work
 * runs once its transaction commits, exactly once across replicas, survives a crash
 * between the real database and the row, and a failing server keeps retrying, visibly.
 */
@Import(ProvisioningIntegrationTests.Recording.class)
class ProvisioningIntegrationTests extends IntegrationTest {

	@Autowired
	private DataPlane dataPlane;

	@Autowired
	private ProvisioningWorker worker;

	@Autowired
	private ProvisioningTaskRepository tasks;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ObjectProvider<ProvisioningListener> listeners;

	@Autowired
	private Recording recording;

	private final List<String[]> created = new ArrayList<>();

	private List<Long> parked = List.of();

	/**
	 * Sets aside the unfinished tasks other test classes left (a branch still being made,
	 * an expiry due), so that the replicas these tests start claim only their own.
	 */
	@BeforeEach
	void parkOtherTestsTasks() {
		// What is due runs now, on this application's servers; the rest waits.
		this.worker.drain();
		this.parked = this.jdbc.queryForList("select id from dataplane_task where completed_at is null", Long.class);
		this.jdbc.update("update dataplane_task set next_attempt_at = now() + interval '1 day' where id = any (?)",
				(Object) this.parked.toArray(Long[]::new));
	}

	@AfterEach
	void unparkOtherTestsTasks() {
		this.jdbc.update("update dataplane_task set next_attempt_at = now() where id = any (?)",
				(Object) this.parked.toArray(Long[]::new));
	}

	@AfterEach
	void dropWhatWasCreated() throws SQLException {
		for (var entry : this.created) {
			var kind = ServerKind.valueOf(entry[0]);
			var server = (kind == ServerKind.POSTGRESQL) ? new PostgresServer(TestDataPlane.postgres())
					: new MysqlServer(TestDataPlane.mysql());
			server.dropDatabase(entry[1], this.tasks.loginsOf(kind, entry[1]));
		}
	}

	@Test
	void whenBranchAndRoleStoredThenAfterCommitTheyExistAndTheRoleLogsIn() throws Exception {
		var branch = DataPlaneNames.random(12);
		var database = track(ServerKind.POSTGRESQL, DataPlaneNames.branchDatabase(branch));
		var username = DataPlaneNames.postgresUsername("postgres", branch);
		var password = DataPlaneNames.random(32);
		var subject = "branch:" + branch;
		long loginTask = transactionally(() -> {
			this.dataPlane.createBranchDatabase(ServerKind.POSTGRESQL, subject, database, null);
			return this.dataPlane.createLogin(ServerKind.POSTGRESQL, subject,
					new Login(database, username, List.of("postgres"), null), password);
		});
		awaitCompleted(loginTask);
		assertThat(this.dataPlane.hasPendingWork(subject)).isFalse();
		try (var connection = Logins.postgres(database, username, password)) {
			execute(connection, "create table t (id int)");
			execute(connection, "insert into t values (7)");
			assertThat(column(connection, "select id from t")).containsExactly("7");
		}
		// Told once per task, in order; the last one of the subject says so.
		assertThat(this.recording.of(subject)).extracting(ProvisioningListener.CompletedTask::action)
			.containsExactly(TaskAction.CREATE_DATABASE, TaskAction.CREATE_LOGIN);
		assertThat(this.recording.of(subject)).extracting(ProvisioningListener.CompletedTask::subjectDone)
			.containsExactly(false, true);
		// Only a verifier was stored, and not even that once the work is done.
		assertThat(
				this.jdbc.queryForList("select verifier from dataplane_task where subject = ?", String.class, subject))
			.containsOnlyNulls();
		assertThat(this.jdbc.queryForObject("select count(*) from dataplane_task t where position(? in t::text) > 0",
				Integer.class, password))
			.isZero();
	}

	@Test
	void whenBranchAndRoleDroppedThenNeitherIsLeft() throws Exception {
		var branch = DataPlaneNames.random(12);
		var database = DataPlaneNames.branchDatabase(branch);
		var username = DataPlaneNames.postgresUsername("app", branch);
		var password = DataPlaneNames.random(32);
		var subject = "branch:" + branch;
		awaitCompleted(transactionally(() -> {
			this.dataPlane.createBranchDatabase(ServerKind.POSTGRESQL, subject, database, null);
			return this.dataPlane.createLogin(ServerKind.POSTGRESQL, subject,
					new Login(database, username, List.of("pg_read_all_data"), null), password);
		}));
		Logins.postgres(database, username, password).close();
		awaitCompleted(transactionally(
				() -> this.dataPlane.dropBranchDatabase(ServerKind.POSTGRESQL, "delete:" + branch, database)));
		assertThat(
				this.jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, database))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from pg_roles where rolname = ? or rolname like ?",
				Integer.class, username, database + ".%"))
			.isZero();
	}

	@Test
	void whenMysqlBranchOfAParentThenItHasTheSchemaAndThePasswordConnects() throws Exception {
		Assumptions.assumeTrue(this.dataPlane.isReal(ServerKind.MYSQL),
				"no MySQL-kind server: set TEST_MYSQL_URL or install Debian's mariadb-server");
		var parent = track(ServerKind.MYSQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
		var child = track(ServerKind.MYSQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
		var owner = DataPlaneNames.mysqlUsername();
		var ownerPassword = DataPlaneNames.random(32);
		awaitCompleted(transactionally(() -> {
			this.dataPlane.createBranchDatabase(ServerKind.MYSQL, "p", parent, null);
			return this.dataPlane.createLogin(ServerKind.MYSQL, "p", new Login(parent, owner, List.of("admin"), null),
					ownerPassword);
		}));
		try (var connection = Logins.mysql(parent, owner, ownerPassword)) {
			execute(connection, "create table users (id int primary key, email varchar(100))");
			execute(connection, "insert into users values (1, 'a@example.com')");
		}
		var username = DataPlaneNames.mysqlUsername();
		var password = DataPlaneNames.random(32);
		var expiresAt = Instant.now().plus(Duration.ofHours(1));
		awaitCompleted(transactionally(() -> {
			this.dataPlane.createBranchDatabase(ServerKind.MYSQL, "c", child, parent);
			return this.dataPlane.createLogin(ServerKind.MYSQL, "c",
					new Login(child, username, List.of("readwriter"), expiresAt), password);
		}));
		try (var connection = Logins.mysql(child, username, password)) {
			assertThat(column(connection, "select count(*) from users")).containsExactly("0");
			execute(connection, "insert into users values (2, 'b@example.com')");
		}
		// The expiry is a task of its own, due at expires_at: made due now, it locks.
		this.jdbc.update("update dataplane_task set not_before = now(), next_attempt_at = now()"
				+ " where action = 'EXPIRE_LOGIN' and username = ?", username);
		this.worker.drain();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> Logins.mysql(child, username, password).close());
	}

	@Test
	void whenTwoReplicasRaceThenEachTaskRunsOnce() throws Exception {
		var counting = new Counting(new PostgresServer(TestDataPlane.postgres()));
		var ids = new ArrayList<Long>();
		for (int i = 0; i < 6; i++) {
			var database = track(ServerKind.POSTGRESQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
			// Stored without the application's worker being told: only the two below run
			// them.
			ids.add(this.tasks.save(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "race", database, null))
				.id());
		}
		var replicas = List.of(replica(counting), replica(counting));
		var start = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = replicas.stream().map((replica) -> pool.submit(() -> {
				start.await();
				return replica.drain();
			})).toList();
			for (var run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ids).allSatisfy((id) -> assertThat(this.dataPlane.isCompleted(id)).isTrue());
		assertThat(counting.creations.values()).hasSize(6).allSatisfy((n) -> assertThat(n.get()).isEqualTo(1));
	}

	@Test
	void whenCrashedBetweenTheDatabaseAndTheRowThenTheRetryFinishesIt() throws Exception {
		var database = track(ServerKind.POSTGRESQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
		var task = this.tasks.save(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "crash", database, null));
		// What a replica killed after CREATE DATABASE, before its commit, leaves behind:
		// a database its administrative login made.
		var admin = TestDataPlane.postgres();
		try (var connection = java.sql.DriverManager.getConnection(admin.url(), admin.username(), admin.password())) {
			execute(connection, "create database " + Sql.pg(database));
		}
		this.worker.drain();
		assertThat(this.dataPlane.isCompleted(task.id())).isTrue();
		assertThat(
				this.jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, database))
			.isEqualTo(1);
		// ... and made the way it should be: PUBLIC can no longer connect.
		assertThat(this.jdbc.queryForObject("select has_database_privilege('public', ?, 'CONNECT')", Boolean.class,
				database))
			.isFalse();
	}

	@Test
	void whenTheReplicaRunningATaskDiesThenAnotherFinishesIt() throws Exception {
		var database = track(ServerKind.POSTGRESQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
		var task = this.tasks.save(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "dies", database, null));
		var created = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var dying = new Counting(new PostgresServer(TestDataPlane.postgres())) {
			@Override
			public void createDatabase(String name, String parent) throws SQLException {
				super.createDatabase(name, parent);
				created.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		};
		var pool = Executors.newSingleThreadExecutor();
		try {
			var first = pool.submit(() -> replica(dying).runOne());
			assertThat(created.await(60, TimeUnit.SECONDS)).isTrue();
			// While the first replica holds the task, another skips it.
			var survivor = new Counting(new PostgresServer(TestDataPlane.postgres()));
			assertThat(replica(survivor).runOne()).isFalse();
			// The first replica's session ends as a SIGKILL ends it: its transaction is
			// rolled back and the row's lock released, after the real database was made.
			var killed = this.jdbc.queryForList(
					"""
							select pg_terminate_backend(pid) from pg_stat_activity
							where datname = current_database() and state = 'idle in transaction' and query like '%dataplane_task%'
							""",
					Boolean.class);
			assertThat(killed).containsExactly(true);
			release.countDown();
			assertThat(first.get(60, TimeUnit.SECONDS)).isFalse();
			assertThat(this.dataPlane.isCompleted(task.id())).isFalse();
			assertThat(replica(survivor).drain()).isTrue();
			assertThat(this.dataPlane.isCompleted(task.id())).isTrue();
			assertThat(survivor.creations.get(database).get()).isEqualTo(1);
			assertThat(this.tasks.findById(task.id()).orElseThrow().attempts()).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class,
					database))
				.isEqualTo(1);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void whenTheServerFailsThenTheTaskWaitsWithBackoffVisiblyAndSucceedsLater() throws Exception {
		var database = track(ServerKind.POSTGRESQL, DataPlaneNames.branchDatabase(DataPlaneNames.random(12)));
		var task = this.tasks.save(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "outage", database, null));
		var down = new PostgresServer(new DataPlaneProperties.Server("jdbc:postgresql://127.0.0.1:18129/postgres",
				"nobody", "secret-that-must-not-show", null, null));
		var failures = this.meters.counter("dbplane.dataplane.tasks", "server", "postgresql", "action",
				"create_database", "outcome", "failed");
		double before = failures.count();
		try {
			replica(down).runOne();
			var failed = this.tasks.findById(task.id()).orElseThrow();
			assertThat(failed.completed()).isFalse();
			assertThat(failed.attempts()).isEqualTo(1);
			assertThat(failed.nextAttemptAt()).isAfter(Instant.now());
			assertThat(failed.lastError()).contains("08001").doesNotContain("secret-that-must-not-show");
			assertThat(failures.count()).isEqualTo(before + 1);
			var readiness = api().get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			// Not due yet: nobody claims it before its backoff ends.
			assertThat(this.worker.runOne()).isFalse();
			this.jdbc.update("update dataplane_task set next_attempt_at = now() where id = ?", task.id());
			this.worker.drain();
			assertThat(this.dataPlane.isCompleted(task.id())).isTrue();
			assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
		}
		finally {
			this.jdbc.update("update dataplane_task set completed_at = now(), verifier = null where id = ?", task.id());
		}
	}

	private ProvisioningWorker replica(DataPlaneServer server) {
		return new ProvisioningWorker(this.tasks, Map.of(server.kind(), server),
				new TransactionTemplate(this.transactionManager), this.listeners, new DataPlaneProperties.Worker(1,
						Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(5)),
				this.meters);
	}

	private String track(ServerKind kind, String database) {
		this.created.add(new String[] { kind.name(), database });
		return database;
	}

	private <T> T transactionally(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> work.get());
	}

	private void awaitCompleted(long taskId) throws InterruptedException {
		// Not a timing assertion: the worker runs it after commit; this only bounds a
		// hang.
		for (int i = 0; i < 600 && !this.dataPlane.isCompleted(taskId); i++) {
			Thread.sleep(50);
		}
		assertThat(this.dataPlane.isCompleted(taskId)).as("task %d done", taskId).isTrue();
	}

	/** Every completed task, by subject. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recording implements ProvisioningListener {

		private final List<CompletedTask> completed = new CopyOnWriteArrayList<>();

		@Override
		public void completed(CompletedTask task) {
			this.completed.add(task);
		}

		List<CompletedTask> of(String subject) {
			return this.completed.stream().filter((task) -> task.subject().equals(subject)).toList();
		}

	}

	/** A server that counts the databases it was asked to create. */
	static class Counting implements DataPlaneServer {

		final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();

		private final DataPlaneServer delegate;

		Counting(DataPlaneServer delegate) {
			this.delegate = delegate;
		}

		@Override
		public ServerKind kind() {
			return this.delegate.kind();
		}

		@Override
		public Endpoint endpoint() {
			return this.delegate.endpoint();
		}

		@Override
		public void check() throws SQLException {
			this.delegate.check();
		}

		@Override
		public void createDatabase(String database, String parent) throws SQLException {
			this.creations.computeIfAbsent(database, (name) -> new AtomicInteger()).incrementAndGet();
			this.delegate.createDatabase(database, parent);
		}

		@Override
		public void dropDatabase(String database, Collection<String> logins) throws SQLException {
			this.delegate.dropDatabase(database, logins);
		}

		@Override
		public void createLogin(Login login, String verifier) throws SQLException {
			this.delegate.createLogin(login, verifier);
		}

		@Override
		public void setPassword(String database, String username, String verifier) throws SQLException {
			this.delegate.setPassword(database, username, verifier);
		}

		@Override
		public void setExpiry(String database, String username, Instant expiresAt) throws SQLException {
			this.delegate.setExpiry(database, username, expiresAt);
		}

		@Override
		public void expire(String database, String username) throws SQLException {
			this.delegate.expire(database, username);
		}

		@Override
		public void dropLogin(String database, String username, String successor) throws SQLException {
			this.delegate.dropLogin(database, username, successor);
		}

		@Override
		public void reassignOwned(String database, String username, String successor) throws SQLException {
			this.delegate.reassignOwned(database, username, successor);
		}

		@Override
		public void setParameters(String database, Map<String, String> settings) throws SQLException {
			this.delegate.setParameters(database, settings);
		}

		@Override
		public List<TableSchema> schema(String database, String schema) throws SQLException {
			return this.delegate.schema(database, schema);
		}

	}

}
