package dev.dbplane.planetscale;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private Map<String, Long> counts = Map.of();

	/**
	 * When {@link #counts} was read; long enough ago that the first scrape reads them.
	 */
	private long countedAt = System.nanoTime() - 2 * FRESH_NANOS;

	DatabaseStateMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (var state : DatabaseState.values()) {
			Gauge.builder("dbplane.planetscale.databases", this, (metrics) -> metrics.count(state.wire()))
				.description("PlanetScale databases by state")
				.tag("state", state.wire())
				.register(registry);
		}
	}

	private synchronized double count(String state) {
		if (System.nanoTime() - this.countedAt > FRESH_NANOS) {
			var fresh = new HashMap<String, Long>();
			RowCallbackHandler row = (rs) -> fresh.put(rs.getString(1), rs.getLong(2));
			this.jdbc.sql("""
					select case when state = ? and ready_at <= now() then ? else state end as effective, count(*)
					from planetscale_database group by 1""")
				.params(DatabaseState.PENDING.wire(), DatabaseState.READY.wire())
				.query(row);
			this.counts = fresh;
			this.countedAt = System.nanoTime();
		}
		return this.counts.getOrDefault(state, 0L);
	}

}
