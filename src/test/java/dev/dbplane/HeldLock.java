package dev.dbplane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A lock that a test holds on a connection outside the application's pool, so that
 * requests pile up behind it in a known state before the test lets them go. The statement
 * that takes it runs in a transaction that stays open until {@link #release} or
 * {@link #rollback}: a {@code select ... for update} for a row lock, an insert for a
 * uniqueness one.
 */
public final class HeldLock implements AutoCloseable {

	private static final long DEADLINE_SECONDS = 60;

	private final Connection holder;

	/**
	 * Where the waiting statements are counted: a connection of its own, because a
	 * transaction sees {@code pg_stat_activity} as of its first look at it.
	 */
	private final Connection watcher;

	private HeldLock(Connection holder, Connection watcher) {
		this.holder = holder;
		this.watcher = watcher;
	}

	/** Runs {@code sql} with {@code params} and holds what it locked. */
	public static HeldLock of(String sql, Object... params) throws SQLException {
		var holder = connect();
		try {
			holder.setAutoCommit(false);
			try (var statement = holder.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				statement.execute();
			}
			return new HeldLock(holder, connect());
		}
		catch (SQLException | RuntimeException ex) {
			holder.close();
			throw ex;
		}
	}

	/**
	 * Waits until at least {@code count} statements of this test database that start with
	 * {@code statement} (lower case; {@code %} matches anything) wait for a lock, bounded
	 * by a deadline that only a broken interleaving reaches.
	 */
	public void awaitWaiting(String statement, int count) throws SQLException, InterruptedException {
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
		try (var query = this.watcher.prepareStatement("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and state = 'active'
				    and lower(query) like ?""")) {
			query.setString(1, statement + "%");
			while (System.nanoTime() < deadline) {
				try (var rows = query.executeQuery()) {
					rows.next();
					if (rows.getInt(1) >= count) {
						return;
					}
				}
				Thread.sleep(20);
			}
		}
		fail("Fewer than " + count + " '" + statement + "' statements ever waited for a lock");
	}

	/** Commits what took the lock, which lets the waiting statements go. */
	public void release() throws SQLException {
		this.holder.commit();
	}

	/** Rolls back what took the lock, which lets the waiting statements go. */
	public void rollback() throws SQLException {
		this.holder.rollback();
	}

	@Override
	public void close() throws SQLException {
		try {
			this.holder.close();
		}
		finally {
			this.watcher.close();
		}
	}

	private static Connection connect() throws SQLException {
		var db = TestDatabase.connection();
		return DriverManager.getConnection(db.url(), db.username(), db.password());
	}

}
