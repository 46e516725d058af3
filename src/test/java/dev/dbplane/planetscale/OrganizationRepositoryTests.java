package dev.dbplane.planetscale;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
 * Organizations: the start-up upsert of each configured one, the read by name, and the
 * constraints that keep names unique and default regions real.
 */
class OrganizationRepositoryTests extends RepositoryTest {

	private static final Instant FIRST = Instant.parse("2025-01-02T03:04:05.678Z");

	private static final Instant LATER = FIRST.plus(1, ChronoUnit.DAYS);

	@Autowired
	private OrganizationRepository organizations;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whenAConfiguredOrganizationIsEnsuredThenItIsCreatedInItsDefaultRegionAndFoundByName() {
		var name = PlanetScaleFixtures.uniqueName("org");

		assertThat(this.organizations.ensure(config(name, "eu-west", "hobby", null), FIRST)).isTrue();

		var found = this.organizations.findByName(name).orElseThrow();
		assertThat(found.getId()).matches(PlanetScaleFixtures.ID);
		assertThat(found.getBillingEmail()).isEqualTo(name + "@dbplane.invalid");
		assertThat(found.getPlan()).isEqualTo("hobby");
		assertThat(found.getDefaultRegionId()).isEqualTo("jzxat65oc4jw");
		assertThat(found.getCreatedAt()).isEqualTo(FIRST);
		assertThat(found.getUpdatedAt()).isEqualTo(FIRST);
		assertThat(this.organizations.findByName(name + "-other")).isEmpty();
	}

	@Test
	void whenAnOrganizationIsEnsuredAgainWithOtherSettingsThenItsOneRowTakesThemAndKeepsItsIdentity() {
		var name = PlanetScaleFixtures.uniqueName("org");
		this.organizations.ensure(config(name, "us-east", "scaler_pro", null), FIRST);
		var id = this.organizations.findByName(name).orElseThrow().getId();
		this.entityManager.clear();

		assertThat(this.organizations.ensure(config(name, "us-west", "hobby", "billing@example.com"), LATER)).isTrue();

		assertThat(this.jdbc.sql("select count(*) from planetscale_organization where name = ?")
			.param(name)
			.query(Long.class)
			.single()).isOne();
		var found = this.organizations.findByName(name).orElseThrow();
		assertThat(found.getId()).isEqualTo(id);
		assertThat(found.getBillingEmail()).isEqualTo("billing@example.com");
		assertThat(found.getPlan()).isEqualTo("hobby");
		assertThat(found.getDefaultRegionId()).isEqualTo("3pkx9v5gbikh");
		assertThat(found.getCreatedAt()).isEqualTo(FIRST);
		assertThat(found.getUpdatedAt()).isEqualTo(LATER);
	}

	@Test
	void whenAnOrganizationIsEnsuredAgainWithTheSameSettingsThenItsRowIsNotTouched() {
		var name = PlanetScaleFixtures.uniqueName("org");
		this.organizations.ensure(config(name, "us-east", "scaler_pro", null), FIRST);
		this.entityManager.clear();

		this.organizations.ensure(config(name, "us-east", "scaler_pro", null), LATER);

		assertThat(this.organizations.findByName(name).orElseThrow().getUpdatedAt()).isEqualTo(FIRST);
	}

	@Test
	void whenTheDefaultRegionIsNotInTheCatalogueThenNothingIsStored() {
		var name = PlanetScaleFixtures.uniqueName("org");

		assertThat(this.organizations.ensure(config(name, "atlantis", "scaler_pro", null), FIRST)).isFalse();

		assertThat(this.organizations.findByName(name)).isEmpty();
	}

	@Test
	void whenAnOrganizationTakesAnotherOnesNameThenTheUniqueConstraintRefusesIt() {
		var name = PlanetScaleFixtures.uniqueName("org");
		this.organizations.ensure(config(name, "us-east", "scaler_pro", null), FIRST);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.organizations.saveAndFlush(
					new Organization(PublicIds.next(), name, "a@example.com", "hobby", "m61siwstb3x6", FIRST, FIRST)))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_organization_name_unique")).isTrue());
	}

	@Test
	void whenAnOrganizationsDefaultRegionIsUnknownThenTheForeignKeyRefusesIt() {
		var organization = new Organization(PublicIds.next(), PlanetScaleFixtures.uniqueName("org"), "a@example.com",
				"hobby", "nosuchregion", FIRST, FIRST);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.organizations.saveAndFlush(organization))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "planetscale_organization_default_region_id_fkey"))
				.isTrue());
	}

	private static PlanetScaleProperties.OrganizationConfig config(String name, String defaultRegion, String plan,
			String billingEmail) {
		return new PlanetScaleProperties.OrganizationConfig(name, defaultRegion, plan, billingEmail, null, null, null);
	}

}
