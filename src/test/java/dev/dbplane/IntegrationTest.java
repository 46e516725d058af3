package dev.dbplane;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
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

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		// A new PlanetScale database stays pending for the whole run, so tests can see it
		// pending without racing a timer; readiness is tested with a later clock.
		registry.add("dbplane.planetscale.provisioning-delay", () -> "1h");
	}

	protected Api api() {
		return new Api(this.port);
	}

	/** A fresh identifier, unique across runs on a shared database. */
	protected static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
