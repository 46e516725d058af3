package dev.dbplane.planetscale;

import java.util.Comparator;
import java.util.List;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The regions of the catalogue: the start-up upsert by slug and the reads of the cache.
 */
class RegionRepositoryTests extends RepositoryTest {

	@Autowired
	private RegionRepository regions;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whenARegionIsUpsertedThenItIsStoredEnabledAndReadBackBySlugAndId() {
		var slug = slug();

		this.regions.upsert(new CatalogueProperties.RegionConfig(slug, "GCP", null, "Zurich", true, false,
				List.of("10.0.0.1", "10.0.0.2"), 500));

		var found = this.regions.findBySlug(slug).orElseThrow();
		assertThat(found.getId()).matches(PlanetScaleFixtures.ID);
		assertThat(found.getProvider()).isEqualTo("GCP");
		assertThat(found.getDisplayName()).isEqualTo(slug);
		assertThat(found.getLocation()).isEqualTo("Zurich");
		assertThat(found.getPublicIpAddresses()).containsExactly("10.0.0.1", "10.0.0.2");
		assertThat(found.isMysqlSupported()).isTrue();
		assertThat(found.isPostgresqlSupported()).isFalse();
		assertThat(found.isEnabled()).isTrue();
		assertThat(found.getSortOrder()).isEqualTo(500);
		assertThat(this.regions.findById(found.getId())).map(Region::getSlug).contains(slug);
	}

	@Test
	void whenARegionIsUpsertedTwiceThenOneRowKeepsItsIdAndTakesTheSecondConfiguration() {
		var slug = slug();
		this.regions.upsert(new CatalogueProperties.RegionConfig(slug, "AWS", "First", "Oslo", true, true,
				List.of("10.0.0.1"), 500));
		var id = this.regions.findBySlug(slug).orElseThrow().getId();
		this.jdbc.sql("update planetscale_region set enabled = false where slug = ?").param(slug).update();
		this.entityManager.clear();

		this.regions
			.upsert(new CatalogueProperties.RegionConfig(slug, "GCP", "Second", "Bergen", false, true, List.of(), 600));

		assertThat(this.jdbc.sql("select count(*) from planetscale_region where slug = ?")
			.param(slug)
			.query(Long.class)
			.single()).isOne();
		var found = this.regions.findBySlug(slug).orElseThrow();
		assertThat(found.getId()).isEqualTo(id);
		assertThat(found.getProvider()).isEqualTo("GCP");
		assertThat(found.getDisplayName()).isEqualTo("Second");
		assertThat(found.getLocation()).isEqualTo("Bergen");
		assertThat(found.getPublicIpAddresses()).isEmpty();
		assertThat(found.isMysqlSupported()).isFalse();
		assertThat(found.isEnabled()).isTrue();
		assertThat(found.getSortOrder()).isEqualTo(600);
	}

	@Test
	void whenAShippedRegionIsUpsertedThenItKeepsTheIdItsDatabasesReferTo() {
		this.regions.upsert(new CatalogueProperties.RegionConfig("us-east", "AWS", "Renamed", "Virginia", true, true,
				List.of(), 10));

		var found = this.regions.findBySlug("us-east").orElseThrow();
		assertThat(found.getId()).isEqualTo("m61siwstb3x6");
		assertThat(found.getDisplayName()).isEqualTo("Renamed");
	}

	@Test
	void whenARegionTakesAnotherRegionsSlugThenTheUniqueConstraintRefusesIt() {
		var taken = new Region(PublicIds.next(), "us-east", "AWS", "Again", "Virginia", List.of(), true, true, true, 1);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.regions.saveAndFlush(taken))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_region_slug_unique")).isTrue());
	}

	@Test
	void whenRegionsAreListedThenTheyComeBySortOrderThenSlug() {
		var suffix = slug();
		for (var config : List.of(region("b-" + suffix, -999), region("c-" + suffix, -1000),
				region("a-" + suffix, -999))) {
			this.regions.upsert(config);
		}

		var all = this.regions.findAllByOrderBySortOrderAscSlugAsc();

		assertThat(all).isSortedAccordingTo(Comparator.comparingInt(Region::getSortOrder)
			.thenComparing(Region::getSlug, Comparator.naturalOrder()));
		assertThat(all.subList(0, 3)).extracting(Region::getSlug)
			.containsExactly("c-" + suffix, "a-" + suffix, "b-" + suffix);
		assertThat(all).extracting(Region::getSlug).contains("us-east", "gcp-asia-northeast3");
	}

	private static CatalogueProperties.RegionConfig region(String slug, int sortOrder) {
		return new CatalogueProperties.RegionConfig(slug, "AWS", null, "", true, true, List.of(), sortOrder);
	}

	private static String slug() {
		return PlanetScaleFixtures.uniqueName("test");
	}

}
