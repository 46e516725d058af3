package dev.dbplane.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs items that concurrent requests submit in batches, on the requests' own threads. A
 * request that finds a free leader slot runs a batch of what is waiting (its own item
 * included); the others wait until a leader has run theirs. A leader that finishes hands
 * its slot to the oldest waiting request instead of running another batch, so no request
 * serves the others for long. With one request at a time every batch is that request
 * alone: nothing waits for company.
 * <p>
 * Creates use it to insert the rows of concurrent requests in one statement: one round
 * trip and one commit for many rows, which on a machine shared with PostgreSQL leaves
 * more CPU to answer requests.
 *
 * @param <T> what a request submits
 * @param <R> what it gets back
 */
public final class Batcher<T, R> {

	private final Queue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();

	private final Semaphore leaders;

	private final int maxBatch;

	private final Function<List<T>, List<R>> run;

	private final Predicate<Throwable> failsEveryone;

	/**
	 * @param leaders how many batches may run at once
	 * @param maxBatch the most items in one batch
	 * @param run runs a batch and returns one result per item, in the items' order
	 * @param failsEveryone which failures of a batch the items still waiting get too,
	 * without a batch of their own: failures that say nothing about the items
	 */
	public Batcher(int leaders, int maxBatch, Function<List<T>, List<R>> run, Predicate<Throwable> failsEveryone) {
		if (leaders < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("leaders and maxBatch must be at least 1");
		}
		this.leaders = new Semaphore(leaders);
		this.maxBatch = maxBatch;
		this.run = run;
		this.failsEveryone = failsEveryone;
	}

	/**
	 * Runs {@code item} in the next batch and returns its result; an exception of the
	 * batch is thrown to every request in it.
	 */
	public R submit(T item) {
		var mine = new Entry<T, R>(item, Thread.currentThread());
		this.waiting.add(mine);
		if (this.leaders.tryAcquire()) {
			// Its own item first, unless another leader has taken it already.
			lead(this.waiting.remove(mine) ? mine : null);
		}
		// An interrupt cannot take the item back from a batch that may be running it: the
		// request waits for the outcome and keeps the interrupt for its caller.
		boolean interrupted = false;
		try {
			while (true) {
				int state = mine.state;
				if (state == Entry.DONE) {
					return mine.result();
				}
				if (state == Entry.PROMOTED) {
					mine.state = Entry.WAITING;
					lead(mine);
				}
				else {
					LockSupport.park(this);
					interrupted |= Thread.interrupted();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Holding a leader slot: runs one batch, then hands the slot on. */
	private void lead(Entry<T, R> first) {
		var batch = new ArrayList<Entry<T, R>>();
		if (first != null) {
			batch.add(first);
		}
		Entry<T, R> next;
		while (batch.size() < this.maxBatch && (next = this.waiting.poll()) != null) {
			batch.add(next);
		}
		try {
			runBatch(batch);
		}
		finally {
			this.leaders.release();
			handOver();
		}
	}

	private void runBatch(List<Entry<T, R>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		List<R> results;
		try {
			results = this.run.apply(batch.stream().map(Entry::item).toList());
			if (results.size() != batch.size()) {
				throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
			}
		}
		catch (RuntimeException | Error ex) {
			batch.forEach((entry) -> entry.fail(ex));
			if (this.failsEveryone.test(ex)) {
				Entry<T, R> waiter;
				while ((waiter = this.waiting.poll()) != null) {
					waiter.fail(ex);
				}
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).complete(results.get(i));
		}
	}

	/**
	 * A request may have queued while every slot was taken: it found none free and waits.
	 * Whoever releases a slot afterwards sees it here and promotes it (or the oldest
	 * waiter), or finds the slot taken by someone who will.
	 */
	private void handOver() {
		while (!this.waiting.isEmpty() && this.leaders.tryAcquire()) {
			var next = this.waiting.poll();
			if (next != null) {
				next.promote();
				return;
			}
			this.leaders.release();
		}
	}

	private static final class Entry<T, R> {

		static final int WAITING = 0;

		static final int PROMOTED = 1;

		static final int DONE = 2;

		private final T item;

		private final Thread thread;

		private volatile int state = WAITING;

		private R result;

		private Throwable failure;

		Entry(T item, Thread thread) {
			this.item = item;
			this.thread = thread;
		}

		T item() {
			return this.item;
		}

		void complete(R result) {
			this.result = result;
			finish();
		}

		void fail(Throwable failure) {
			this.failure = failure;
			finish();
		}

		void promote() {
			this.state = PROMOTED;
			LockSupport.unpark(this.thread);
		}

		private void finish() {
			this.state = DONE;
			LockSupport.unpark(this.thread);
		}

		R result() {
			if (this.failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (this.failure instanceof Error error) {
				throw error;
			}
			return this.result;
		}

	}

}
