package dev.dbplane.planetscale;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A configuration parameter a PostgreSQL branch lists under {@code .../parameters}: the
 * PostgreSQL and PgBouncer settings dbplane lets a change request set, with PostgreSQL's
 * (or PgBouncer's) own default, type and bounds. A change request stores the values it is
 * given ({@code PATCH .../changes}, {@code PUT .../terraform-changes}); the list shows
 * them over the defaults.
 *
 * @param namespace {@code pgconf} (postgresql.conf) or {@code pgbouncer}
 * @param name the setting's name in its namespace
 * @param displayName a name for people
 * @param category the group it belongs to
 * @param description what it does
 * @param type one of the document's parameter types
 * @param defaultValue the server's default, as text
 * @param min the lowest value, or null where none applies
 * @param max the highest value, or null where none applies
 * @param options the values a {@code select} parameter takes, else empty
 * @param restart whether a change takes a server restart
 * @param immutable whether no change request may set it (an internal parameter)
 * @param extension whether it configures an extension
 */
record BranchParameter(String namespace, String name, String displayName, String category, String description,
		String type, String defaultValue, Object min, Object max, List<String> options, boolean restart,
		boolean immutable, boolean extension) {

	static final List<BranchParameter> CATALOGUE = List.of(
			integer("max_connections", "Max connections", "Connections",
					"How many client connections the server accepts at once.", "100", 1, 262143, true),
			parameter("port", "Port", "Connections", "The TCP port the server listens on.", "integer", "5432", 1, 65535,
					List.of(), true, true, false),
			parameter("work_mem", "Work memory", "Resource usage",
					"Memory one sort or hash step of a query may use before spilling to disk.", "bytes", "4MB", "64kB",
					"2147483647kB", List.of(), false, false, false),
			parameter("maintenance_work_mem", "Maintenance work memory", "Resource usage",
					"Memory for VACUUM, CREATE INDEX and other maintenance work.", "bytes", "64MB", "1MB",
					"2147483647kB", List.of(), false, false, false),
			parameter("statement_timeout", "Statement timeout", "Client connection defaults",
					"Aborts a statement that runs longer than this; 0 never does.", "time", "0", "0", "2147483647ms",
					List.of(), false, false, false),
			parameter("lock_timeout", "Lock timeout", "Client connection defaults",
					"Aborts a statement that waits longer than this for a lock; 0 never does.", "time", "0", "0",
					"2147483647ms", List.of(), false, false, false),
			parameter("idle_in_transaction_session_timeout", "Idle in transaction timeout",
					"Client connection defaults",
					"Ends a session that stays idle inside a transaction longer than this; 0 never does.", "time", "0",
					"0", "2147483647ms", List.of(), false, false, false),
			parameter("default_transaction_isolation", "Default transaction isolation", "Client connection defaults",
					"The isolation level a new transaction starts with.", "select", "read committed", null, null,
					List.of("serializable", "repeatable read", "read committed", "read uncommitted"), false, false,
					false),
			parameter("log_min_duration_statement", "Log slow statements", "Reporting and logging",
					"Logs each statement that runs at least this long; -1 logs none.", "time", "-1", "-1",
					"2147483647ms", List.of(), false, false, false),
			parameter("random_page_cost", "Random page cost", "Query tuning",
					"The planner's cost of reading a page out of sequence.", "float", "4", 0, 1.79769e308, List.of(),
					false, false, false),
			parameter("pg_stat_statements.track", "Statements tracked", "Extensions",
					"Which statements pg_stat_statements counts: none, top-level ones or all, nested included.",
					"select", "top", null, null, List.of("none", "top", "all"), false, false, true),
			new BranchParameter("pgbouncer", "default_pool_size", "Default pool size", "Connection pooling",
					"Server connections PgBouncer keeps per user and database.", "integer", "20", 1, 10000, List.of(),
					false, false, false),
			new BranchParameter("pgbouncer", "max_client_conn", "Max client connections", "Connection pooling",
					"Client connections PgBouncer accepts at once.", "integer", "100", 1, 100000, List.of(), false,
					false, false));

	/** PostgreSQL's {@code user}-context settings of the catalogue. */
	private static final Set<String> PER_DATABASE = Set.of("work_mem", "maintenance_work_mem", "statement_timeout",
			"lock_timeout", "idle_in_transaction_session_timeout", "default_transaction_isolation", "random_page_cost");

	private static final Pattern AMOUNT = Pattern.compile("(-?[0-9]+)\\s*([a-zA-Z]*)\\s*");

	/**
	 * Units of a {@code bytes} value, in kB (PostgreSQL's unit when none is given), spelt
	 * as PostgreSQL spells them: it refuses {@code 8mb}, so must this, or the setting
	 * would fail on the branch's server after the change was accepted.
	 */
	private static final Map<String, BigDecimal> BYTE_UNITS = Map.of("", BigDecimal.ONE, "B",
			BigDecimal.ONE.divide(BigDecimal.valueOf(1024)), "kB", BigDecimal.ONE, "MB", BigDecimal.valueOf(1024), "GB",
			BigDecimal.valueOf(1024L * 1024), "TB", BigDecimal.valueOf(1024L * 1024 * 1024));

	/**
	 * Units of a {@code time} value, in ms (PostgreSQL's unit when none is given),
	 * likewise.
	 */
	private static final Map<String, BigDecimal> TIME_UNITS = Map.of("", BigDecimal.ONE, "us", new BigDecimal("0.001"),
			"ms", BigDecimal.ONE, "s", BigDecimal.valueOf(1000), "min", BigDecimal.valueOf(60_000), "h",
			BigDecimal.valueOf(3_600_000), "d", BigDecimal.valueOf(86_400_000));

	/**
	 * What is wrong with the parameter values a change request sets, as the API refuses
	 * them (pscale checks names the same way before it sends them): a name the catalogue
	 * does not list, an immutable parameter, a value outside its type or bounds.
	 * @param parameters values by namespace, then name; null sets none
	 * @param problems where each problem is added
	 */
	static void check(Map<String, Map<String, String>> parameters, List<String> problems) {
		if (parameters == null) {
			return;
		}
		parameters.forEach((namespace, values) -> {
			if (values == null) {
				problems.add("parameters." + namespace + " must map names to values");
				return;
			}
			values.forEach((name, value) -> {
				var key = namespace + "." + name;
				var parameter = CATALOGUE.stream()
					.filter((candidate) -> candidate.namespace().equals(namespace) && candidate.name().equals(name))
					.findFirst();
				if (parameter.isEmpty()) {
					problems.add("unknown parameter " + key + ": GET .../parameters lists those a change may set");
				}
				else if (parameter.get().immutable()) {
					problems.add("parameter " + key + " cannot be changed");
				}
				else if (value == null || !parameter.get().accepts(value)) {
					problems.add("parameter " + key + " must be " + parameter.get().expected());
				}
			});
		});
	}

	/**
	 * The pgconf parameters of {@code parameters} that a database's owner may set for the
	 * sessions on it ({@code ALTER DATABASE ... SET}): those of PostgreSQL's {@code user}
	 * context. A restart, a superuser, an extension or PgBouncer is needed for the
	 * others, which dbplane only records.
	 * @param parameters values by namespace, then name; null for none
	 * @return name to value, by name
	 */
	static Map<String, String> perDatabase(Map<String, Map<String, String>> parameters) {
		var settings = new TreeMap<String, String>();
		if (parameters != null && parameters.get("pgconf") != null) {
			parameters.get("pgconf").forEach((name, value) -> {
				if (PER_DATABASE.contains(name)) {
					settings.put(name, value.trim());
				}
			});
		}
		return settings;
	}

	private boolean accepts(String value) {
		var text = value.trim();
		return switch (this.type) {
			case "select" -> this.options.contains(text.toLowerCase(Locale.ROOT));
			case "bytes" -> withinBounds(amount(text, BYTE_UNITS));
			case "time" -> withinBounds(amount(text, TIME_UNITS));
			default -> withinBounds(number(text));
		};
	}

	private boolean withinBounds(BigDecimal amount) {
		return amount != null && amount.compareTo(bound(this.min)) >= 0 && amount.compareTo(bound(this.max)) <= 0;
	}

	private BigDecimal bound(Object limit) {
		return switch (this.type) {
			case "bytes" -> amount(limit.toString(), BYTE_UNITS);
			case "time" -> amount(limit.toString(), TIME_UNITS);
			default -> new BigDecimal(limit.toString());
		};
	}

	private String expected() {
		return switch (this.type) {
			case "select" -> "one of " + String.join(", ", this.options);
			case "integer" -> "an integer from " + this.min + " to " + this.max;
			case "float" -> "a number from " + this.min + " to " + this.max;
			default ->
				"a " + ("bytes".equals(this.type) ? "size" : "duration") + " from " + this.min + " to " + this.max;
		};
	}

	/** An integer or float as text; null when it is neither. */
	private BigDecimal number(String text) {
		if ("integer".equals(this.type) ? !text.matches("-?[0-9]{1,19}") : !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
			return null;
		}
		return new BigDecimal(text);
	}

	/**
	 * An amount with an optional unit, as PostgreSQL writes sizes and durations; null
	 * otherwise.
	 */
	private static BigDecimal amount(String text, Map<String, BigDecimal> units) {
		var matcher = AMOUNT.matcher(text);
		if (!matcher.matches() || matcher.group(1).length() > 19) {
			return null;
		}
		var unit = units.get(matcher.group(2));
		return (unit != null) ? new BigDecimal(matcher.group(1)).multiply(unit) : null;
	}

	private static BranchParameter integer(String name, String displayName, String category, String description,
			String defaultValue, int min, int max, boolean restart) {
		return parameter(name, displayName, category, description, "integer", defaultValue, min, max, List.of(),
				restart, false, false);
	}

	private static BranchParameter parameter(String name, String displayName, String category, String description,
			String type, String defaultValue, Object min, Object max, List<String> options, boolean restart,
			boolean immutable, boolean extension) {
		return new BranchParameter("pgconf", name, displayName, category, description, type, defaultValue, min, max,
				options, restart, immutable, extension);
	}

}
