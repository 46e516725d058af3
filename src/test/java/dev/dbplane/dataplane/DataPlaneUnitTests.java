package dev.dbplane.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Verifiers, names, quoting and the task's retry rule. */
class DataPlaneUnitTests {

	@Test
	void whenABranchLoginAsksForPostgresThenTheProxySendsItToItsBranchAndLeavesOthersAlone() {
		assertThat(route("user", "app.abc123def456", "database", "postgres", "application_name", "psql"))
			.containsExactly(Map.entry("user", "app.abc123def456"), Map.entry("database", "ps_abc123def456"),
					Map.entry("application_name", "psql"));
		assertThat(route("user", "app.abc123def456")).containsEntry("database", "ps_abc123def456");
		assertThat(route("user", "app.abc123def456", "database", "app.abc123def456")).containsEntry("database",
				"ps_abc123def456");
		assertThat(route("user", "app.abc123def456", "database", "ps_other000000")).containsEntry("database",
				"ps_other000000");
		assertThat(route("user", "dbplane", "database", "postgres")).containsEntry("database", "postgres");
		assertThat(route("user", "x'; drop.abc", "database", "postgres")).containsEntry("database", "postgres");
	}

	private static Map<String, String> route(String... keysAndValues) {
		var parameters = new LinkedHashMap<String, String>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			parameters.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return PostgresProxy.route(parameters);
	}

	@Test
	void whenASchemaIsAskedOfAServerThatIsDownThenItIsAnOutageAndWithoutAServerThereAreNoTables() {
		var down = new PostgresServer(new DataPlaneProperties.Server("jdbc:postgresql://127.0.0.1:1/postgres", "nobody",
				"nothing", null, null));
		var dataPlane = new DataPlane(null, null, Map.of(), Map.of(ServerKind.POSTGRESQL, down));

		assertThatExceptionOfType(DataPlaneUnavailableException.class)
			.isThrownBy(() -> dataPlane.schema(ServerKind.POSTGRESQL, "ps_abc123def456", "public"))
			.satisfies((ex) -> assertThat(new DataPlaneOutages().isOutage(new RuntimeException(ex))).isTrue())
			.withMessageNotContaining("nothing");
		assertThat(new DataPlaneOutages().isOutage(new IllegalStateException("other"))).isFalse();
		assertThat(dataPlane.schema(ServerKind.MYSQL, "ps_abc123def456", "public")).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dataPlane.schema(ServerKind.POSTGRESQL, "postgres", "public"));
	}

	@Test
	void whenMysqlNativePasswordThenItIsTheDoubleSha1ServersStore() {
		// MySQL's own PASSWORD('password') and MariaDB's; see either manual.
		assertThat(Verifiers.mysqlNativePassword("password")).isEqualTo("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
	}

	@Test
	void whenScramVerifierThenItHasPostgresShapeAndAFreshSaltEachTime() {
		var first = Verifiers.scramSha256("secret");
		assertThat(first).matches("^SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")
			.doesNotContain("secret");
		assertThat(Verifiers.scramSha256("secret")).isNotEqualTo(first);
	}

	@Test
	void whenVerifierHasAnotherShapeThenItNeverReachesSql() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Verifiers.literal(ServerKind.POSTGRESQL, "x' superuser --"));
		assertThatIllegalArgumentException().isThrownBy(() -> Verifiers.literal(ServerKind.MYSQL, "*ABC'"));
	}

	@Test
	void whenIdentifiersAreQuotedThenQuotesAreDoubledAndWildcardsEscaped() {
		assertThat(Sql.pg("a\"b")).isEqualTo("\"a\"\"b\"");
		assertThat(Sql.pgLiteral("it's")).isEqualTo("'it''s'");
		assertThat(Sql.my("a`b")).isEqualTo("`a``b`");
		assertThat(Sql.myGrantDatabase("ps_a%")).isEqualTo("`ps\\_a\\%`");
		assertThatIllegalArgumentException().isThrownBy(() -> Sql.pg("a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> Sql.myAccount("a'b"));
	}

	@Test
	void whenNamesAreMadeThenTheyCarryTheBranchAndFitTheServers() {
		assertThat(DataPlaneNames.branchDatabase("abc123def456")).isEqualTo("ps_abc123def456");
		assertThat(DataPlaneNames.postgresUsername("postgres", "abc123def456")).isEqualTo("postgres.abc123def456");
		assertThat(DataPlaneNames.mysqlUsername()).matches("^[a-z0-9]{20}$");
		assertThatIllegalArgumentException().isThrownBy(() -> DataPlaneNames.branchDatabase("Main"));
		assertThatIllegalArgumentException().isThrownBy(() -> DataPlaneNames.postgresUsername("a\"b", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Login("postgres", "postgres.abc", List.of(), null));
	}

	@Test
	void whenRolesDoNotFitTheKindThenTheLoginIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProvisioningTask.createLogin(ServerKind.MYSQL, "s",
				new Login("ps_abc", "user", List.of("reader", "writer"), null), "*" + "A".repeat(40)));
		assertThatIllegalArgumentException().isThrownBy(() -> ProvisioningTask.createLogin(ServerKind.POSTGRESQL, "s",
				new Login("ps_abc", "user.abc", List.of("superuser"), null), "v"));
	}

	@Test
	void whenATaskFailsThenItsBackoffDoublesUpToTheMaximum() {
		var task = ProvisioningTask.createDatabase(ServerKind.POSTGRESQL, "s", "ps_abc", null);
		var now = Instant.parse("2026-01-01T00:00:00Z");
		var initial = Duration.ofSeconds(1);
		var max = Duration.ofSeconds(5);
		assertThat(List.of(task.fail(now, "e", initial, max), task.fail(now, "e", initial, max),
				task.fail(now, "e", initial, max), task.fail(now, "e", initial, max)))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
					Duration.ofSeconds(5));
		assertThat(task.attempts()).isEqualTo(4);
		assertThat(task.nextAttemptAt()).isEqualTo(now.plusSeconds(5));
		assertThat(task.fail(now, "x".repeat(5000), initial, max).isNegative()).isFalse();
		assertThat(task.lastError()).hasSize(ProvisioningTask.ERROR_LENGTH);
	}

	@Test
	void whenATaskCompletesThenItsVerifierIsGone() {
		var task = ProvisioningTask.setPassword(ServerKind.MYSQL, "s", "ps_abc", "user",
				Verifiers.mysqlNativePassword("p"));
		task.complete(Instant.now());
		assertThat(task.verifier()).isNull();
		assertThat(task.completed()).isTrue();
	}

}
