package dev.dbplane.security;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what a credential lookup found for a short time, so that a request does not read
 * the credential tables every time. A revocation is seen at once by the replica that made
 * it and within {@code ttl} (plus one lookup) by the others. Entries hold hashes, never
 * secrets.
 * <p>
 * One lookup per key at a time: when an entry is missing or stale, the first request
 * loads it and the others with the same credential wait for that load. Without this, all
 * requests in flight found the entry stale at the same moment every {@code ttl} and ran
 * the same lookup together.
 */
public final class CredentialCache<K, V> {

	private static final int MAX_ENTRIES = 10_000;

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	public CredentialCache(Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	public V get(K key, Function<K, V> loader) {
		if (this.ttlNanos <= 0) {
			return loader.apply(key);
		}
		while (true) {
			long now = System.nanoTime();
			var entry = this.entries.get(key);
			if (entry != null && (!entry.value.isDone() || now - entry.loadedAt < this.ttlNanos)) {
				return entry.join();
			}
			var loading = new Entry<V>(new CompletableFuture<>(), now);
			var won = (entry != null) ? this.entries.replace(key, entry, loading)
					: this.entries.putIfAbsent(key, loading) == null;
			if (won) {
				return load(key, loading, loader);
			}
		}
	}

	private V load(K key, Entry<V> loading, Function<K, V> loader) {
		if (this.entries.size() > MAX_ENTRIES) {
			this.entries.clear();
		}
		try {
			var value = loader.apply(key);
			loading.value.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			// Nothing is kept of a failed lookup (the database down, say): the next
			// request tries again.
			this.entries.remove(key, loading);
			loading.value.completeExceptionally(ex);
			throw ex;
		}
	}

	public void evict(K key) {
		this.entries.remove(key);
	}

	public void clear() {
		this.entries.clear();
	}

	private record Entry<V>(CompletableFuture<V> value, long loadedAt) {

		V join() {
			try {
				return this.value.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

	}

}
