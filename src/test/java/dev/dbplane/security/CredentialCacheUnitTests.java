package dev.dbplane.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCacheUnitTests {

	private final AtomicInteger lookups = new AtomicInteger();

	@Test
	void whenManyRequestsFindTheEntryMissingThenOneLookupRunsAndAllGetItsResult() throws Exception {
		var cache = new CredentialCache<String, String>(Duration.ofMinutes(1));
		var finishLookup = new CountDownLatch(1);
		var results = new ConcurrentLinkedQueue<String>();
		// Every request waits before the lookup ends: one in the lookup, the others on it
		// (before the cache loaded once per key, all sixteen waited in their own lookup).
		runTogether(16, finishLookup, () -> results.add(cache.get("token", (key) -> {
			await(finishLookup);
			return key + "#" + this.lookups.incrementAndGet();
		})));
		assertThat(results).hasSize(16).containsOnly("token#1");
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void whenTheEntryIsFreshThenItIsReusedAndWhenEvictedOrStaleThenLookedUpAgain() throws Exception {
		var fresh = new CredentialCache<String, Integer>(Duration.ofMinutes(1));
		assertThat(fresh.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(1);
		assertThat(fresh.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(1);
		fresh.evict("token");
		assertThat(fresh.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(2);

		var stale = new CredentialCache<String, Integer>(Duration.ofNanos(1));
		assertThat(stale.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(3);
		Thread.sleep(2);
		assertThat(stale.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(4);
	}

	@Test
	void whenTheLookupFailsThenTheCallerGetsTheFailureAndTheNextRequestLooksUpAgain() {
		var cache = new CredentialCache<String, Integer>(Duration.ofMinutes(1));

		assertThatIllegalStateException().isThrownBy(() -> cache.get("token", (key) -> {
			this.lookups.incrementAndGet();
			throw new IllegalStateException("database down");
		})).withMessage("database down");

		assertThat(cache.get("token", (key) -> this.lookups.incrementAndGet())).isEqualTo(2);
	}

	@Test
	void whenRequestsWaitOnALookupThatFailsThenEachGetsTheFailure() throws Exception {
		var cache = new CredentialCache<String, String>(Duration.ofMinutes(1));
		var finishLookup = new CountDownLatch(1);
		var failures = new ConcurrentLinkedQueue<Throwable>();
		runTogether(4, finishLookup, () -> {
			try {
				cache.get("token", (key) -> {
					this.lookups.incrementAndGet();
					await(finishLookup);
					throw new IllegalStateException("database down");
				});
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		});
		assertThat(failures).hasSize(4)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOf(IllegalStateException.class)
				.hasMessage("database down"));
		assertThat(cache.get("token", (key) -> "looked up again")).isEqualTo("looked up again");
	}

	/**
	 * Starts {@code count} threads running {@code request}, ends the lookup once every
	 * one of them waits (in the lookup or on it), and waits for them to finish.
	 */
	private static void runTogether(int count, CountDownLatch finishLookup, Runnable request)
			throws InterruptedException {
		var requests = new ArrayList<Thread>();
		for (int i = 0; i < count; i++) {
			requests.add(new Thread(request));
		}
		requests.forEach(Thread::start);
		while (!requests.stream().allMatch(CredentialCacheUnitTests::waits)) {
			Thread.onSpinWait();
		}
		finishLookup.countDown();
		for (var thread : requests) {
			thread.join(10_000);
		}
	}

	private static boolean waits(Thread thread) {
		return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
