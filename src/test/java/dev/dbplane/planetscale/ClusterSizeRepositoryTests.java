package dev.dbplane.planetscale;

import java.util.Comparator;

import dev.dbplane.RepositoryTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster sizes of the catalogue: the start-up upsert by name and the lists. */
class ClusterSizeRepositoryTests extends RepositoryTest {

	@Autowired
	private ClusterSizeRepository sizes;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whenAMysqlSizeIsUpsertedThenItIsStoredEnabledWithVtgatesAndThePriceItNames() {
		var name = name();

		this.sizes.upsert(new CatalogueProperties.ClusterSizeConfig(name, "mysql", null, "1/2", DataSize.ofGigabytes(4),
				DataSize.ofGigabytes(10), null, null, 99, 33, 500, false));

		var found = this.sizes.findById(name).orElseThrow();
		assertThat(found.getEngine()).isEqualTo(Engine.MYSQL);
		assertThat(found.getDisplayName()).isEqualTo(name.replace('_', '-'));
		assertThat(found.getCpu()).isEqualTo("1/2");
		assertThat(found.getRam()).isEqualTo(4L * 1024 * 1024 * 1024);
		assertThat(found.getStorage()).isEqualTo(10L * 1024 * 1024 * 1024);
		assertThat(found.getProvider()).isNull();
		assertThat(found.getDefaultVtgate()).isEqualTo("VTG_5");
		assertThat(found.getRate()).isEqualTo(99);
		assertThat(found.getReplicaRate()).isEqualTo(33);
		assertThat(found.getSortOrder()).isEqualTo(500);
		assertThat(found.isDevelopment()).isFalse();
		assertThat(found.isProduction()).isTrue();
		assertThat(found.isEnabled()).isTrue();
	}

	@Test
	void whenASizeIsUpsertedTwiceThenOneRowTakesTheSecondConfiguration() {
		var name = name();
		this.sizes.upsert(new CatalogueProperties.ClusterSizeConfig(name, "mysql", "First", "1",
				DataSize.ofGigabytes(8), DataSize.ofGigabytes(10), null, null, 179, 59, 500, false));
		this.jdbc.sql("update planetscale_cluster_size set enabled = false where name = ?").param(name).update();
		this.entityManager.clear();

		this.sizes.upsert(new CatalogueProperties.ClusterSizeConfig(name, "postgresql", "Second", "2",
				DataSize.ofGigabytes(16), null, "aws", "arm64", null, null, 600, true));

		assertThat(this.jdbc.sql("select count(*) from planetscale_cluster_size where name = ?")
			.param(name)
			.query(Long.class)
			.single()).isOne();
		var found = this.sizes.findById(name).orElseThrow();
		assertThat(found.getEngine()).isEqualTo(Engine.POSTGRESQL);
		assertThat(found.getDisplayName()).isEqualTo("Second");
		assertThat(found.getCpu()).isEqualTo("2");
		assertThat(found.getRam()).isEqualTo(16L * 1024 * 1024 * 1024);
		assertThat(found.getStorage()).isNull();
		assertThat(found.getProvider()).isEqualTo("aws");
		assertThat(found.getArchitecture()).isEqualTo("arm64");
		assertThat(found.getDefaultVtgate()).isNull();
		assertThat(found.getRate()).isNull();
		assertThat(found.getReplicaRate()).isNull();
		assertThat(found.getSortOrder()).isEqualTo(600);
		assertThat(found.isDevelopment()).isTrue();
		assertThat(found.isProduction()).isFalse();
		assertThat(found.isEnabled()).isTrue();
	}

	@Test
	void whenAnEnginesSizesAreListedThenOnlyItsOwnComeBySortOrderThenName() {
		var suffix = name();
		this.sizes.upsert(size("B" + suffix, "postgresql", -999));
		this.sizes.upsert(size("C" + suffix, "postgresql", -1000));
		this.sizes.upsert(size("A" + suffix, "postgresql", -999));
		this.sizes.upsert(size("D" + suffix, "mysql", -2000));

		var postgresql = this.sizes.findByEngineOrderBySortOrderAscNameAsc(Engine.POSTGRESQL);

		assertThat(postgresql).extracting(ClusterSize::getEngine).containsOnly(Engine.POSTGRESQL);
		assertThat(postgresql).isSortedAccordingTo(Comparator.comparingInt(ClusterSize::getSortOrder)
			.thenComparing(ClusterSize::getName, Comparator.naturalOrder()));
		assertThat(postgresql.subList(0, 3)).extracting(ClusterSize::getName)
			.containsExactly("C" + suffix, "A" + suffix, "B" + suffix);
		assertThat(postgresql).extracting(ClusterSize::getName).contains("PS_5_AWS_X86").doesNotContain("PS_10");
	}

	@Test
	void whenEverySizeIsListedThenBothEnginesComeBySortOrderThenName() {
		var suffix = name();
		this.sizes.upsert(size("B" + suffix, "postgresql", -1000));
		this.sizes.upsert(size("A" + suffix, "mysql", -1000));

		var all = this.sizes.findAllByOrderBySortOrderAscNameAsc();

		assertThat(all).isSortedAccordingTo(Comparator.comparingInt(ClusterSize::getSortOrder)
			.thenComparing(ClusterSize::getName, Comparator.naturalOrder()));
		assertThat(all.subList(0, 2)).extracting(ClusterSize::getName).containsExactly("A" + suffix, "B" + suffix);
		assertThat(all).extracting(ClusterSize::getName).contains("PS_10", "PS_5_AWS_X86");
	}

	private static CatalogueProperties.ClusterSizeConfig size(String name, String engine, int sortOrder) {
		return new CatalogueProperties.ClusterSizeConfig(name, engine, null, "1", DataSize.ofGigabytes(1), null, null,
				null, 1, null, sortOrder, false);
	}

	private static String name() {
		return PlanetScaleFixtures.uniqueName("TEST").toUpperCase().replace('-', '_');
	}

}
