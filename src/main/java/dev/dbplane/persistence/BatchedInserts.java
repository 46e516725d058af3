package dev.dbplane.persistence;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a family inserts the rows of its creates: a row alone goes through the single-row
 * statement; rows of concurrent creates go into one multi-row statement (a
 * {@link Batcher}, on the requests' own threads). A row the multi-row statement does not
 * store, for whatever reason, goes through the single-row statement on its own, which
 * decides and reports exactly as without batching. Every row is committed by its own
 * statement, so an insert refuses to run inside a transaction: the row could not be part
 * of it.
 *
 * @param <T> a row to insert, with what its statement needs besides
 */
public final class BatchedInserts<T> {

	private final Predicate<T> one;

	private final Batcher<T, Boolean> batcher;

	/**
	 * Two statements at a time, up to 64 rows each: how many run at a time made no
	 * difference beyond the benchmark's noise (README, benchmark section), and two leave
	 * the rest of the pool to reads. When a statement found no connection, PostgreSQL is
	 * down or the pool is exhausted: the creates waiting behind it get the same 503 at
	 * once, so that none waits for a connection longer than
	 * {@code spring.datasource.hikari.connection-timeout}, as a read does.
	 * @param one inserts one row and says whether it was stored
	 * @param many inserts several rows in one statement: for each, {@code true} when it
	 * was stored, {@code null} when it was not and must go through {@code one}
	 */
	public BatchedInserts(Predicate<T> one, Function<List<T>, List<Boolean>> many) {
		this.one = one;
		this.batcher = new Batcher<>(2, 64,
				(rows) -> (rows.size() == 1) ? List.of(one.test(rows.get(0))) : many.apply(rows),
				(failure) -> failure instanceof CannotGetJdbcConnectionException);
	}

	/**
	 * Inserts {@code row}; whether it was stored, as {@code one} says.
	 * @throws IllegalStateException inside a transaction
	 */
	public boolean insert(T row) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A batched insert commits on its own; it cannot run inside a transaction");
		}
		var inserted = this.batcher.submit(row);
		return (inserted != null) ? inserted : this.one.test(row);
	}

}
