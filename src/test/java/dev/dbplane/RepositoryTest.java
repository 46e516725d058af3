package dev.dbplane;

import java.util.UUID;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A persistence slice: the JPA repositories (with their SQL fragments) and Flyway's
 * schema on the real PostgreSQL every test runs on, nothing of the web or the services.
 * Each test runs in a transaction that is rolled back, unless it says otherwise. The
 * catalogue's in-memory caches come along: the database repository's fragment reads
 * regions through them.
 */
@DataJpaTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.dbplane\\.planetscale\\.(Regions|ClusterSizes)"))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public abstract class RepositoryTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/** A fresh identifier, unique across runs on a shared database. */
	protected static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
