package dev.dbplane.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.dbplane.RepositoryTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task store: the claim that decides which replica runs which task, and the reads of
 * the worker, the health check and the gauges. The table is shared with every other test
 * class, so each test first sets aside the unfinished tasks they left: in its own
 * transaction, which is rolled back, or (for the claims of several transactions) by
 * parking them for its duration.
 */
class ProvisioningTaskRepositoryTests extends RepositoryTest {

	@Autowired
	private ProvisioningTaskRepository tasks;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private final ExecutorService pool = Executors.newCachedThreadPool();

	@AfterEach
	void stopClaimers() {
		this.pool.shutdownNow();
	}

	@Test
	void whenTasksAreDueThenTheClaimTakesTheOldestFirstAndTheSameOneUntilItIsDone() {
		setAsideOtherTestsTasks();
		var first = due(task(ServerKind.POSTGRESQL, database()));
		var second = due(task(ServerKind.MYSQL, database()));

		assertThat(claimed()).contains(first.id());
		assertThat(claimed()).contains(first.id());
		complete(first);
		assertThat(claimed()).contains(second.id());
		complete(second);
		assertThat(claimed()).isEmpty();
	}

	@Test
	void whenATaskWaitsForItsNextAttemptThenTheClaimSkipsItAndHoldsBackTheLaterTasksOfItsDatabase() {
		setAsideOtherTestsTasks();
		var database = database();
		var backingOff = backingOff(task(ServerKind.POSTGRESQL, database));
		var behind = due(task(ServerKind.POSTGRESQL, database));
		var sameNameOtherServer = due(task(ServerKind.MYSQL, database));

		assertThat(claimed()).contains(sameNameOtherServer.id());
		complete(sameNameOtherServer);
		assertThat(claimed()).isEmpty();

		due(backingOff);
		assertThat(claimed()).contains(backingOff.id());
		complete(backingOff);
		assertThat(claimed()).contains(behind.id());
	}

	@Test
	void whenAnEarlierTaskOfTheDatabaseIsScheduledForLaterThenItHoldsNothingBack() {
		setAsideOtherTestsTasks();
		var database = database();
		var expiry = stored(ProvisioningTask.expireAt(ServerKind.MYSQL, "expiry", database, DataPlaneNames.random(20),
				Instant.now().plus(1, ChronoUnit.HOURS)));
		var next = due(task(ServerKind.MYSQL, database));

		assertThat(claimed()).contains(next.id());
		complete(next);
		assertThat(claimed()).isEmpty();
		assertThat(this.tasks.findById(expiry.id()).orElseThrow().completed()).isFalse();
	}

	@Test
	void whenAnEarlierTaskIsDoneThenTheClaimSkipsItAndTakesTheNextOfItsDatabase() {
		setAsideOtherTestsTasks();
		var database = database();
		var done = due(task(ServerKind.POSTGRESQL, database));
		complete(done);
		var next = due(task(ServerKind.POSTGRESQL, database));

		assertThat(claimed()).contains(next.id());
	}

	/**
	 * Three replicas claim at once, each in a transaction of its own that holds what it
	 * claimed: none waits for another, none gets a task another holds, and a database's
	 * second task waits until its first is done.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void whenReplicasClaimAtOnceThenEachGetsADifferentTaskAndADatabasesTasksStayInOrder() throws Exception {
		var parked = this.jdbc.sql("""
				update dataplane_task set next_attempt_at = next_attempt_at + interval '100 years'
				where completed_at is null returning id""").query(Long.class).list();
		var mine = new ArrayList<Long>();
		var claimers = new ArrayList<Claimer>();
		try {
			var databaseA = database();
			var a1 = committedDueTask(databaseA, mine);
			var a2 = committedDueTask(databaseA, mine);
			var b1 = committedDueTask(database(), mine);

			var first = claim(claimers);
			assertThat(first.claimed()).contains(a1);
			var second = claim(claimers);
			assertThat(second.claimed()).contains(b1);
			var third = claim(claimers);
			assertThat(third.claimed()).isEmpty();
			third.release();

			first.release();
			assertThat(this.tasks.findById(a1).orElseThrow().completed()).isTrue();
			var fourth = claim(claimers);
			assertThat(fourth.claimed()).contains(a2);
		}
		finally {
			claimers.forEach(Claimer::release);
			this.jdbc.sql("update dataplane_task set completed_at = now(), verifier = null where id = any (?)")
				.param(mine.toArray(Long[]::new))
				.update();
			this.jdbc.sql(
					"update dataplane_task set next_attempt_at = next_attempt_at - interval '100 years' where id = any (?)")
				.param(parked.toArray(Long[]::new))
				.update();
		}
	}

	@Test
	void whenTasksFailThenTheCountsAndTheOldestFailingTaskSayIt() {
		setAsideOtherTestsTasks();
		assertThat(this.tasks.countByCompletedAtIsNull()).isZero();
		task(ServerKind.POSTGRESQL, database());
		var failing = failed(task(ServerKind.POSTGRESQL, database()));
		failed(task(ServerKind.MYSQL, database()));
		var failedThenDone = failed(task(ServerKind.MYSQL, database()));
		complete(failedThenDone);

		assertThat(this.tasks.countByCompletedAtIsNull()).isEqualTo(3);
		assertThat(this.tasks.countByCompletedAtIsNullAndLastErrorIsNotNull()).isEqualTo(2);
		assertThat(this.tasks.findFirstByCompletedAtIsNullAndLastErrorIsNotNullOrderByIdAsc()).map(ProvisioningTask::id)
			.contains(failing.id());
	}

	@Test
	void whenASubjectHasUnfinishedTasksThenTheExistsQueriesSeeThemExceptTheOneAsked() {
		var subject = unique("branch");
		var one = stored(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, subject, database(), null));
		var two = stored(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, subject, database(), null));

		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNull(subject)).isTrue();
		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNullAndIdNot(subject, one.id())).isTrue();
		complete(two);
		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNullAndIdNot(subject, one.id())).isFalse();
		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNull(subject)).isTrue();
		complete(one);
		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNull(subject)).isFalse();
		assertThat(this.tasks.existsBySubjectAndCompletedAtIsNull(unique("other"))).isFalse();
	}

	@Test
	void whenADatabaseIsDroppedThenItsLoginsAreEveryOneEverCreatedOnItOnThatServer() {
		var database = database();
		complete(login(ServerKind.POSTGRESQL, database, "alice"));
		login(ServerKind.POSTGRESQL, database, "bob");
		login(ServerKind.POSTGRESQL, database, "bob");
		login(ServerKind.MYSQL, database, "carol");
		login(ServerKind.POSTGRESQL, database(), "dave");
		stored(ProvisioningTask.onLogin(ServerKind.POSTGRESQL, TaskAction.DROP_LOGIN, "drop", database, "erin"));

		assertThat(this.tasks.loginsOf(ServerKind.POSTGRESQL, database)).containsExactlyInAnyOrder("alice", "bob");
	}

	@Test
	void whenALoginHasExpiriesThenOnlyTheUnfinishedFutureOnesOfThatServerArePending() {
		var database = database();
		var username = DataPlaneNames.random(20);
		var now = Instant.now();
		var pending = stored(
				ProvisioningTask.expireAt(ServerKind.MYSQL, "e", database, username, now.plus(1, ChronoUnit.HOURS)));
		var superseded = stored(
				ProvisioningTask.expireAt(ServerKind.MYSQL, "e", database, username, now.plus(2, ChronoUnit.HOURS)));
		superseded.supersede(now);
		this.tasks.saveAndFlush(superseded);
		stored(ProvisioningTask.expireAt(ServerKind.MYSQL, "e", database, username, now.minus(1, ChronoUnit.HOURS)));
		stored(ProvisioningTask.expireAt(ServerKind.POSTGRESQL, "e", database, username,
				now.plus(1, ChronoUnit.HOURS)));
		stored(ProvisioningTask.expireAt(ServerKind.MYSQL, "e", database, DataPlaneNames.random(20),
				now.plus(1, ChronoUnit.HOURS)));
		stored(ProvisioningTask.setExpiry(ServerKind.MYSQL, "e", database, username, now.plus(1, ChronoUnit.HOURS)));

		assertThat(this.tasks.pendingExpiries(ServerKind.MYSQL, username, Instant.now()))
			.extracting(ProvisioningTask::id)
			.containsExactly(pending.id());
	}

	/**
	 * Completes, in this test's transaction (which is rolled back), the unfinished tasks
	 * other test classes left, so that the claim and the counts see this test's only.
	 */
	private void setAsideOtherTestsTasks() {
		this.jdbc.sql("update dataplane_task set completed_at = now(), verifier = null where completed_at is null")
			.update();
	}

	private static String database() {
		return DataPlaneNames.branchDatabase(DataPlaneNames.random(12));
	}

	private ProvisioningTask task(ServerKind server, String database) {
		return stored(ProvisioningTask.createDatabase(server, "test", database, null));
	}

	private ProvisioningTask login(ServerKind server, String database, String username) {
		var roles = (server == ServerKind.MYSQL) ? List.of("reader") : List.of("postgres");
		return stored(
				ProvisioningTask.createLogin(server, "test", new Login(database, username, roles, null), "verifier"));
	}

	private ProvisioningTask stored(ProvisioningTask task) {
		return this.tasks.saveAndFlush(task);
	}

	/**
	 * Makes the task due by the database's clock, which started with this transaction:
	 * before the task's own creation time.
	 */
	private ProvisioningTask due(ProvisioningTask task) {
		return timed(task, "now() - interval '1 minute'", "now() - interval '1 minute'");
	}

	/** As if its last attempt failed: it may run, but not before its backoff ends. */
	private ProvisioningTask backingOff(ProvisioningTask task) {
		return timed(task, "now() - interval '1 minute'", "now() + interval '1 hour'");
	}

	private ProvisioningTask timed(ProvisioningTask task, String notBefore, String nextAttemptAt) {
		this.jdbc
			.sql("update dataplane_task set not_before = " + notBefore + ", next_attempt_at = " + nextAttemptAt
					+ " where id = ?")
			.param(task.id())
			.update();
		this.entityManager.clear();
		return this.tasks.findById(task.id()).orElseThrow();
	}

	private ProvisioningTask failed(ProvisioningTask task) {
		var managed = this.tasks.findById(task.id()).orElseThrow();
		managed.fail(Instant.now(), "refused", Duration.ofSeconds(1), Duration.ofMinutes(1));
		return this.tasks.saveAndFlush(managed);
	}

	private void complete(ProvisioningTask task) {
		var managed = this.tasks.findById(task.id()).orElseThrow();
		managed.complete(Instant.now());
		this.tasks.saveAndFlush(managed);
	}

	private Optional<Long> claimed() {
		return this.tasks.claimNext().map(ProvisioningTask::id);
	}

	private long committedDueTask(String database, List<Long> mine) {
		var id = this.tasks.save(ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "test", database, null)).id();
		mine.add(id);
		this.jdbc
			.sql("update dataplane_task set not_before = now() - interval '1 minute', "
					+ "next_attempt_at = now() - interval '1 minute' where id = ?")
			.param(id)
			.update();
		return id;
	}

	/**
	 * Claims on a thread and in a transaction of its own, as a replica does, and holds
	 * the claimed task's lock until released, when it records the task done.
	 */
	private Claimer claim(List<Claimer> claimers) throws Exception {
		var claimer = new Claimer();
		claimers.add(claimer);
		claimer.run = this.pool.submit(() -> this.transactions.executeWithoutResult((status) -> {
			var task = this.tasks.claimNext();
			claimer.claimed.complete(task.map(ProvisioningTask::id));
			try {
				claimer.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			task.ifPresent((claimed) -> claimed.complete(Instant.now()));
		}));
		claimer.claimed.get(30, TimeUnit.SECONDS);
		return claimer;
	}

	private static final class Claimer {

		private final CompletableFuture<Optional<Long>> claimed = new CompletableFuture<>();

		private final CountDownLatch release = new CountDownLatch(1);

		private Future<?> run;

		Optional<Long> claimed() {
			return this.claimed.join();
		}

		/** Ends the claimer's transaction, recording its task done. */
		void release() {
			this.release.countDown();
			try {
				this.run.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
