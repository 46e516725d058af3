package dev.dbplane.planetscale;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.dbplane.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The parameter values a change request is let through with must be values PostgreSQL
 * takes: the data plane sets them on the branch's database after the change was
 * acknowledged, where a refusal can only be logged. Checked on the test server with
 * {@code set_config}, for each parameter the data plane sets.
 */
class BranchParameterPropertyTests {

	private static final List<String> PER_DATABASE = List.of("work_mem", "maintenance_work_mem", "statement_timeout",
			"lock_timeout", "idle_in_transaction_session_timeout", "default_transaction_isolation", "random_page_cost");

	@Property(tries = 400)
	void whenAValueIsAcceptedThenPostgresqlTakesItAsTheDataPlaneSendsIt(
			@ForAll("settings") Map.Entry<String, String> setting) throws SQLException {
		var parameters = Map.of("pgconf", Map.of(setting.getKey(), setting.getValue()));
		var problems = new ArrayList<String>();
		assertThatNoException().isThrownBy(() -> BranchParameter.check(parameters, problems));
		if (!problems.isEmpty()) {
			return;
		}
		var sent = BranchParameter.perDatabase(parameters);
		assertThat(sent).containsOnlyKeys(setting.getKey());
		var db = TestDatabase.connection();
		try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				var statement = connection.prepareStatement("select set_config(?, ?, false)")) {
			statement.setString(1, setting.getKey());
			statement.setString(2, sent.get(setting.getKey()));
			statement.execute();
		}
	}

	@Provide
	Arbitrary<Map.Entry<String, String>> settings() {
		var number = Arbitraries.oneOf(Arbitraries.longs().between(-5, 5), Arbitraries.longs().between(0, 70_000),
				Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L), Arbitraries.of(2147483647L, 2147483648L,
						64L, 63L, 1024L, 1023L, 65536L, 65535L, 2097151L, 2097152L, 2147483647999L));
		var unit = Arbitraries.of("", "B", "kB", "MB", "GB", "TB", "kb", "mb", "Mb", "us", "ms", "s", "min", "h", "d",
				"S", "MIN", "x");
		var space = Arbitraries.of("", " ", "  ", "\t");
		var amount = Combinators.combine(number, space, unit, space)
			.as((n, before, u, after) -> before + n + (u.isEmpty() ? "" : before) + u + after);
		var decimal = Combinators
			.combine(Arbitraries.integers().between(-3, 100), Arbitraries.integers().between(0, 99))
			.as((whole, fraction) -> whole + "." + fraction);
		var isolation = Arbitraries.of("serializable", "Repeatable Read", "READ COMMITTED", "read uncommitted",
				"snapshot", "read  committed", " serializable ");
		return Combinators.combine(Arbitraries.of(PER_DATABASE), Arbitraries.oneOf(amount, decimal, isolation))
			.as(Map::entry);
	}

}
