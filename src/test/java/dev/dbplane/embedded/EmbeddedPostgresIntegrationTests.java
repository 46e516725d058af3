package dev.dbplane.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.DbplaneApplication;
import dev.dbplane.dataplane.DataPlane;
import dev.dbplane.dataplane.DataPlaneNames;
import dev.dbplane.dataplane.Login;
import dev.dbplane.dataplane.ServerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code ./mvnw spring-boot:run} does on a fresh machine: no datasource configured,
 * so dbplane starts its own PostgreSQL, and what it stored is still there after a
 * restart.
 */
class EmbeddedPostgresIntegrationTests {

	private static final String KEY = "pat.demo.bootstrapkey.s3cr3tvalue";

	@TempDir
	Path dataDir;

	@Test
	void whenNoDatasourceIsConfiguredThenDataSurvivesARestart() {
		var schemas = "/v1/orgs/default/projects/demo/dbschema";
		String created;
		try (var first = start()) {
			var api = api(first);
			api.post(schemas, """
					{"identifier": "kept", "name": "Kept", "changelog": {"connector": "c", "location": "l"}}
					""");
			var response = api.post(schemas + "/kept/instance", """
					{"identifier": "inst", "name": "Instance", "connector": "pg", "branch": "main"}
					""");
			assertThat(response.status()).isEqualTo(201);
			created = response.body();
		}
		assertThat(Files.exists(this.dataDir.resolve("PG_VERSION"))).isTrue();

		// A datasource password in the environment, meant for some other server, does not
		// lock the embedded one out.
		try (var second = start("--spring.datasource.password=meant-for-another-server")) {
			var response = api(second).get(schemas + "/kept/instance/inst");

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json()).isEqualTo(Api.parse(created));
		}
	}

	@Test
	void whenNoDataPlaneIsConfiguredThenTheEmbeddedServerServesItWithPasswordsRequired() throws Exception {
		try (var context = start()) {
			var dataPlane = context.getBean(DataPlane.class);
			assertThat(dataPlane.isReal(ServerKind.POSTGRESQL)).isTrue();
			assertThat(dataPlane.isReal(ServerKind.MYSQL)).isFalse();
			var environment = context.getEnvironment();
			var url = environment.getProperty("dbplane.dataplane.postgresql.url");
			assertThat(url).matches("^jdbc:postgresql://localhost:\\d+/postgres$");
			// Its administrative role is not a superuser.
			try (var admin = DriverManager.getConnection(url, "dbplane_dataplane",
					environment.getProperty("dbplane.dataplane.postgresql.password"));
					var rows = admin.createStatement()
						.executeQuery(
								"select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
				rows.next();
				assertThat(List.of(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3))).containsExactly(false,
						true, true);
			}
			var branch = DataPlaneNames.random(12);
			var database = DataPlaneNames.branchDatabase(branch);
			var username = DataPlaneNames.postgresUsername("postgres", branch);
			var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			long task = transactions.execute((status) -> {
				dataPlane.createBranchDatabase(ServerKind.POSTGRESQL, "b", database, null);
				return dataPlane.createLogin(ServerKind.POSTGRESQL, "b",
						new Login(database, username, List.of("postgres"), null), "the-password");
			});
			for (int i = 0; i < 600 && !dataPlane.isCompleted(task); i++) {
				Thread.sleep(50);
			}
			var branchUrl = url.replace("/postgres", "/" + database);
			try (var connection = DriverManager.getConnection(branchUrl, username, "the-password");
					var rows = connection.createStatement().executeQuery("select current_user")) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo(database + ".owner");
			}
			// Clients are told the routing proxy, where database postgres is the
			// branch's.
			var proxied = "jdbc:postgresql://"
					+ dataPlane.endpoint(ServerKind.POSTGRESQL).orElseThrow().hostAndPort("127.0.0.1") + "/postgres";
			try (var connection = DriverManager.getConnection(proxied, username, "the-password");
					var rows = connection.createStatement().executeQuery("select current_database()")) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo(database);
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(branchUrl, username, "wrong").close());
			// Nobody logs in without a password any more, the superuser included; nor to
			// dbplane's own database with a branch's credentials.
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, username, "the-password").close());
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		// Arguments, not default properties: application.properties' port would win over
		// those.
		var arguments = new ArrayList<>(List.of("--server.port=0", "--dbplane.embedded.data-dir=" + this.dataDir,
				"--dbplane.security.harness-api-key=" + KEY));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(DbplaneApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
			.withHeader("x-api-key", KEY);
	}

}
