package dev.dbplane;

import java.util.EnumSet;
import java.util.UUID;

import dev.dbplane.dataplane.TestDataPlane;
import dev.dbplane.planetscale.PlanetScaleAccesses;
import dev.dbplane.planetscale.PlanetScaleCredentials;
import dev.dbplane.security.HarnessApiKeys;
import dev.dbplane.security.HarnessPermission;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port against real PostgreSQL. Every test class shares
 * one application context; tests keep apart by using accounts and names of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected HarnessApiKeys harnessKeys;

	@Autowired
	protected PlanetScaleCredentials planetScaleCredentials;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		// Real servers behind branches; tasks run when their transaction commits, and
		// tests run retries and scheduled ones themselves rather than wait for a timer.
		TestDataPlane.register(registry);
		registry.add("dbplane.dataplane.worker.poll-interval", () -> "1h");
		// A new PlanetScale database stays pending for the whole run, so tests can see it
		// pending without racing a timer; readiness is tested with a later clock.
		registry.add("dbplane.planetscale.provisioning-delay", () -> "1h");
	}

	protected Api api() {
		return new Api(this.port);
	}

	/** A client with an API key of a fresh account of its own. */
	protected Api harnessApi() {
		return harnessApi(unique("acct"));
	}

	/**
	 * A client with a new API key, allowed to read, write, delete and manage keys, of an
	 * account.
	 */
	protected Api harnessApi(String account) {
		var issued = this.harnessKeys.issue(account, "pat", "test", EnumSet.of(HarnessPermission.view,
				HarnessPermission.edit, HarnessPermission.delete, HarnessPermission.admin));
		return api().withHeader("x-api-key", issued.key());
	}

	/**
	 * A client with a new service token holding every access in a PlanetScale
	 * organization.
	 */
	protected Api planetscaleApi(String organization) {
		return planetscaleApi(organization, PlanetScaleAccesses.all());
	}

	/** A client with a new service token holding {@code accesses} organization-wide. */
	protected Api planetscaleApi(String organization, java.util.Collection<String> accesses) {
		var issued = this.planetScaleCredentials.issueServiceToken(organizationId(organization), "test", accesses,
				null);
		return api().withHeader("Authorization", issued.id() + ":" + issued.secret());
	}

	protected String organizationId(String organization) {
		return this.jdbcTemplate.queryForObject("select id from planetscale_organization where name = ?", String.class,
				organization);
	}

	/** A fresh identifier, unique across runs on a shared database. */
	protected static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
