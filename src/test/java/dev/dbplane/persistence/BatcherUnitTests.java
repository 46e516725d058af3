package dev.dbplane.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

class BatcherUnitTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	/** Each batch run: its items and the thread that ran it. */
	private final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();

	private final CountDownLatch releaseFirst = new CountDownLatch(1);

	/** The thread that submitted each item through {@link #submit}. */
	private final Map<Integer, Thread> submitters = new ConcurrentHashMap<>();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void whenAnItemArrivesAloneThenItRunsAloneOnItsOwnThread() {
		var batcher = new Batcher<Integer, String>(2, 64, this::record, (failure) -> false);

		assertThat(batcher.submit(7)).isEqualTo("#7");

		assertThat(this.runs).singleElement().satisfies((run) -> {
			assertThat(run.items()).containsExactly(7);
			assertThat(run.thread()).isSameAs(Thread.currentThread());
		});
	}

	@Test
	void whenItemsArriveWhileEveryLeaderIsBusyThenTheyRunTogetherOnTheThreadOfOneOfThem() throws Exception {
		var batcher = new Batcher<Integer, String>(1, 64, this::recordBlockingOnFirst, (failure) -> false);
		var first = submit(batcher, 0);
		awaitRuns(1);
		var rest = IntStream.rangeClosed(1, 5).mapToObj((i) -> submit(batcher, i)).toList();
		awaitWaiting(batcher, 5);

		this.releaseFirst.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("#0");
		for (int i = 0; i < rest.size(); i++) {
			assertThat(rest.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("#" + (i + 1));
		}
		var runs = List.copyOf(this.runs);
		assertThat(runs).hasSize(2);
		assertThat(runs.get(1).items()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
		assertThat(runs.get(1).thread()).isIn(IntStream.rangeClosed(1, 5).mapToObj(this.submitters::get).toList());
	}

	@Test
	void whenABatchFailsThenEveryItemInItGetsTheFailureAndTheNextBatchRuns() throws Exception {
		var batcher = new Batcher<Integer, String>(1, 64, (items) -> {
			var result = recordBlockingOnFirst(items);
			if (items.contains(2)) {
				throw new IllegalStateException("batch with 2 refused");
			}
			return result;
		}, (failure) -> false);
		var first = submit(batcher, 0);
		awaitRuns(1);
		var failing = List.of(submit(batcher, 1), submit(batcher, 2));
		awaitWaiting(batcher, 2);

		this.releaseFirst.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("#0");
		for (var future : failing) {
			assertThatIllegalStateException().isThrownBy(() -> unwrap(future)).withMessage("batch with 2 refused");
		}
		assertThat(batcher.submit(3)).isEqualTo("#3");
	}

	@Test
	void whenABatchFailsForEveryoneThenTheWaitingItemsGetTheFailureWithoutRunning() throws Exception {
		var batcher = new Batcher<Integer, String>(1, 1, (items) -> {
			recordBlockingOnFirst(items);
			throw new IllegalStateException("no connection");
		}, (failure) -> failure.getMessage().equals("no connection"));
		var first = submit(batcher, 0);
		awaitRuns(1);
		var waiting = List.of(submit(batcher, 1), submit(batcher, 2));
		awaitWaiting(batcher, 2);

		this.releaseFirst.countDown();

		for (var future : List.of(first, waiting.get(0), waiting.get(1))) {
			assertThatIllegalStateException().isThrownBy(() -> unwrap(future)).withMessage("no connection");
		}
		assertThat(this.runs).hasSize(1);
	}

	@Test
	void whenMoreItemsWaitThanABatchHoldsThenTheyRunInSeveralBatches() throws Exception {
		var batcher = new Batcher<Integer, String>(1, 2, this::recordBlockingOnFirst, (failure) -> false);
		var first = submit(batcher, 0);
		awaitRuns(1);
		var rest = IntStream.rangeClosed(1, 5).mapToObj((i) -> submit(batcher, i)).toList();
		awaitWaiting(batcher, 5);

		this.releaseFirst.countDown();

		first.get(10, TimeUnit.SECONDS);
		for (var future : rest) {
			future.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.runs).allSatisfy((run) -> assertThat(run.items()).hasSizeLessThanOrEqualTo(2));
		assertThat(this.runs.stream().mapToInt((run) -> run.items().size()).sum()).isEqualTo(6);
		assertThat(this.runs).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void whenManyThreadsSubmitAtOnceThenEveryItemRunsOnceAndGetsItsOwnResult() throws Exception {
		var ran = new AtomicInteger();
		var last = new ConcurrentLinkedQueue<List<Integer>>();
		var batcher = new Batcher<Integer, Integer>(2, 8, (items) -> {
			ran.addAndGet(items.size());
			if (items.contains(-1)) {
				last.add(List.copyOf(items));
			}
			return items.stream().map((item) -> item * 2).toList();
		}, (failure) -> false);
		var futures = new ArrayList<Future<?>>();
		for (int thread = 0; thread < 16; thread++) {
			int base = thread * 100_000;
			futures.add(this.executor.submit(() -> {
				for (int i = 0; i < 2_000; i++) {
					assertThat(batcher.submit(base + i)).isEqualTo(2 * (base + i));
				}
				return null;
			}));
		}
		for (var future : futures) {
			// A lost wake-up would leave a submitter parked for ever.
			future.get(60, TimeUnit.SECONDS);
		}
		assertThat(ran).hasValue(16 * 2_000);
		// Nothing was left behind waiting: an item submitted alone afterwards runs alone.
		assertThat(batcher.submit(-1)).isEqualTo(-2);
		assertThat(last).singleElement().isEqualTo(List.of(-1));
	}

	private List<String> record(List<Integer> items) {
		this.runs.add(new Run(List.copyOf(items), Thread.currentThread()));
		return items.stream().map((item) -> "#" + item).toList();
	}

	/** Records the batch; the one with item 0 waits for {@link #releaseFirst}. */
	private List<String> recordBlockingOnFirst(List<Integer> items) {
		var result = record(items);
		if (items.contains(0)) {
			try {
				this.releaseFirst.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return result;
	}

	private <R> Future<R> submit(Batcher<Integer, R> batcher, int item) {
		return this.executor.submit(() -> {
			this.submitters.put(item, Thread.currentThread());
			return batcher.submit(item);
		});
	}

	private void awaitRuns(int count) throws InterruptedException {
		await(() -> this.runs.size() >= count, count + " batch runs");
	}

	/**
	 * Waits until {@code count} of the items submitted through {@link #submit} wait for a
	 * batch: their threads are parked by the batcher (a leader running a batch is not).
	 */
	private void awaitWaiting(Batcher<?, ?> batcher, int count) throws InterruptedException {
		await(() -> this.submitters.values()
			.stream()
			.filter((thread) -> LockSupport.getBlocker(thread) == batcher)
			.count() == count, count + " waiting items");
	}

	private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Never saw " + what);
			}
			Thread.sleep(1);
		}
	}

	private static Object unwrap(Future<?> future) throws Exception {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private record Run(List<Integer> items, Thread thread) {
	}

}
