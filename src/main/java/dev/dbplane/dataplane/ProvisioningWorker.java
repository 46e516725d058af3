package dev.dbplane.dataplane;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs provisioning tasks: right after the transaction that stored one commits, and on a
 * timer for retries, scheduled expiries and tasks left by a replica that died. Each task
 * runs inside a store transaction holding its row lock, so a second replica skips it
 * while it runs, and a crash releases it for the next attempt.
 */
class ProvisioningWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

	private final ProvisioningTaskRepository tasks;

	private final Map<ServerKind, DataPlaneServer> servers;

	private final TransactionTemplate transactions;

	private final ObjectProvider<ProvisioningListener> listeners;

	private final DataPlaneProperties.Worker settings;

	private final MeterRegistry meters;

	private final AtomicInteger threadNumber = new AtomicInteger();

	private final AtomicInteger waitingDrains = new AtomicInteger();

	private volatile ThreadPoolExecutor executor;

	private volatile ScheduledExecutorService poller;

	ProvisioningWorker(ProvisioningTaskRepository tasks, Map<ServerKind, DataPlaneServer> servers,
			TransactionTemplate transactions, ObjectProvider<ProvisioningListener> listeners,
			DataPlaneProperties.Worker settings, MeterRegistry meters) {
		this.tasks = tasks;
		this.servers = new EnumMap<>(ServerKind.class);
		this.servers.putAll(servers);
		this.transactions = transactions;
		this.listeners = listeners;
		this.settings = settings;
		this.meters = meters;
	}

	/** Looks for due tasks now, on a worker thread. */
	void trigger() {
		var running = this.executor;
		if (running == null) {
			return;
		}
		// Drains waiting to start will see whatever is due now: as many as there are
		// threads are enough, more would only find nothing.
		if (this.waitingDrains.incrementAndGet() > this.settings.threads()) {
			this.waitingDrains.decrementAndGet();
			return;
		}
		running.execute(() -> {
			this.waitingDrains.decrementAndGet();
			drain();
		});
	}

	/** Runs due tasks until none is left; {@code true} when it ran at least one. */
	boolean drain() {
		boolean ran = false;
		while (runOne()) {
			ran = true;
		}
		return ran;
	}

	/** Claims and runs one due task; {@code false} when there was none. */
	boolean runOne() {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> claimAndRun()));
		}
		catch (RuntimeException ex) {
			// The store itself failed (or a listener did): the task's row is unchanged
			// and
			// is claimed again by a later poll.
			log.warn("Data-plane task could not be recorded: {}", ex.toString());
			return false;
		}
	}

	private boolean claimAndRun() {
		var claimed = this.tasks.claimNext();
		if (claimed.isEmpty()) {
			return false;
		}
		var task = claimed.get();
		var server = this.servers.get(task.server());
		var sample = Timer.start(this.meters);
		try {
			if (server == null) {
				throw new SQLException("no " + task.server() + " data plane is configured (dbplane.dataplane."
						+ task.server().name().toLowerCase() + ".url)");
			}
			run(server, task);
		}
		catch (SQLException | RuntimeException ex) {
			var error = describe(ex, task);
			var backoff = task.fail(Instant.now(), error, this.settings.initialBackoff(), this.settings.maxBackoff());
			log.warn("Data-plane {} failed (attempt {}), retrying in {}: {}", task, task.attempts(), backoff, error);
			count(task, "failed");
			sample.stop(timer(task, "failed"));
			return true;
		}
		task.complete(Instant.now());
		log.info("Data-plane {} done", task);
		count(task, "completed");
		sample.stop(timer(task, "completed"));
		var subjectDone = !this.tasks.existsBySubjectAndCompletedAtIsNullAndIdNot(task.subject(), task.id());
		var done = new ProvisioningListener.CompletedTask(task.id(), task.server(), task.action(), task.subject(),
				task.databaseName(), task.username(), subjectDone);
		this.listeners.orderedStream().forEach((listener) -> listener.completed(done));
		return true;
	}

	private void run(DataPlaneServer server, ProvisioningTask task) throws SQLException {
		switch (task.action()) {
			case CREATE_DATABASE -> server.createDatabase(task.databaseName(), task.parentDatabase());
			case DROP_DATABASE ->
				server.dropDatabase(task.databaseName(), this.tasks.loginsOf(task.server(), task.databaseName()));
			case CREATE_LOGIN -> server.createLogin(task.login(), task.verifier());
			case SET_PASSWORD -> server.setPassword(task.databaseName(), task.username(), task.verifier());
			case SET_EXPIRY -> server.setExpiry(task.databaseName(), task.username(), task.expiresAt());
			case EXPIRE_LOGIN -> server.expire(task.databaseName(), task.username());
			case DROP_LOGIN -> server.dropLogin(task.databaseName(), task.username(), task.successor());
			case REASSIGN_OWNED -> server.reassignOwned(task.databaseName(), task.username(), task.successor());
			case SET_PARAMETERS -> server.setParameters(task.databaseName(), task.settings());
		}
	}

	/** The failure, without anything secret: a verifier never appears in it. */
	private static String describe(Exception ex, ProvisioningTask task) {
		var message = ex.getClass().getSimpleName()
				+ ((ex instanceof SQLException sql && sql.getSQLState() != null) ? " [" + sql.getSQLState() + "]" : "")
				+ ": " + ex.getMessage();
		if (task.verifier() != null) {
			message = message.replace(task.verifier(), "***");
		}
		return message;
	}

	private void count(ProvisioningTask task, String outcome) {
		Counter.builder("dbplane.dataplane.tasks")
			.description("Data-plane provisioning task attempts")
			.tag("server", task.server().name().toLowerCase())
			.tag("action", task.action().name().toLowerCase())
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private Timer timer(ProvisioningTask task, String outcome) {
		return Timer.builder("dbplane.dataplane.task.duration")
			.description("Time one data-plane task attempt took")
			.tag("server", task.server().name().toLowerCase())
			.tag("action", task.action().name().toLowerCase())
			.tag("outcome", outcome)
			.register(this.meters);
	}

	@Override
	public void start() {
		int threads = this.settings.threads();
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> {
					var thread = new Thread(runnable, "dataplane-" + this.threadNumber.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.poller = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			var thread = new Thread(runnable, "dataplane-poll");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.pollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::trigger, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		var poll = this.poller;
		var run = this.executor;
		this.poller = null;
		this.executor = null;
		if (poll != null) {
			poll.shutdownNow();
		}
		if (run != null) {
			run.shutdown();
			try {
				// A task interrupted here is run again by the next start or replica.
				run.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
