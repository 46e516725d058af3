package dev.dbplane.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what a credential lookup found for a short time, so that a request does not read
 * the credential tables every time. A revocation is seen at once by the replica that made
 * it and within {@code ttl} by the others. Entries hold hashes, never secrets.
 */
final class CredentialCache<K, V> {

	private static final int MAX_ENTRIES = 10_000;

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	CredentialCache(Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	V get(K key, Function<K, V> loader) {
		if (this.ttlNanos <= 0) {
			return loader.apply(key);
		}
		long now = System.nanoTime();
		var entry = this.entries.get(key);
		if (entry != null && now - entry.loadedAt < this.ttlNanos) {
			return entry.value;
		}
		var value = loader.apply(key);
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry<>(value, now));
		return value;
	}

	void evict(K key) {
		this.entries.remove(key);
	}

	void clear() {
		this.entries.clear();
	}

	private record Entry<V>(V value, long loadedAt) {
	}

}
