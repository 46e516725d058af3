package dev.dbplane.planetscale;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code dbplane_planetscale_databases{state="..."}}: how many PlanetScale databases are
 * in each state, counted from the stored rows when metrics are read (one query per
 * scrape), so every replica reports the same and a pending database whose provisioning
 * time has passed counts as ready.
 */
@Component
class DatabaseStateMetrics implements MeterBinder {

	private static final long FRESH_NANOS = 1_000_000_000L;

	private final DatabaseRepository databases;

	private final Clock clock;

	private Map<DatabaseState, Long> counts = Map.of();

	/**
	 * When {@link #counts} was read; long enough ago that the first scrape reads them.
	 */
	private long countedAt = System.nanoTime() - 2 * FRESH_NANOS;

	DatabaseStateMetrics(DatabaseRepository databases, Clock clock) {
		this.databases = databases;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (var state : DatabaseState.values()) {
			Gauge.builder("dbplane.planetscale.databases", this, (metrics) -> metrics.count(state))
				.description("PlanetScale databases by state")
				.tag("state", state.wire())
				.register(registry);
		}
	}

	private synchronized double count(DatabaseState state) {
		if (System.nanoTime() - this.countedAt > FRESH_NANOS) {
			var fresh = new EnumMap<DatabaseState, Long>(DatabaseState.class);
			for (var stored : this.databases.countByState(this.clock.instant())) {
				var ready = (stored.state() == DatabaseState.PENDING) ? stored.due() : 0;
				fresh.merge(stored.state(), stored.databases() - ready, Long::sum);
				fresh.merge(DatabaseState.READY, ready, Long::sum);
			}
			this.counts = fresh;
			this.countedAt = System.nanoTime();
		}
		return this.counts.getOrDefault(state, 0L);
	}

}
