package dev.dbplane.harness;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DbSchemaRepositoryTests extends RepositoryTest {

	private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");

	@Autowired
	private DbSchemaRepository schemas;

	@Autowired
	private DbInstanceRepository instances;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcClient jdbc;

	private String account;

	@BeforeEach
	void account() {
		this.account = unique("acct");
		this.jdbc.sql("insert into account (id) values (?)").param(this.account).update();
	}

	@Test
	void whenASchemaIsSavedThenItIsReadBackByItsKeyColumnByColumn() {
		var schema = repositorySchema("one");
		this.schemas.saveAndFlush(schema);
		this.entityManager.clear();

		var found = this.schemas.find(key("one")).orElseThrow();

		assertThat(found.getId()).isEqualTo(schema.getId());
		assertThat(found.getName()).isEqualTo("One");
		assertThat(found.getTags()).containsExactlyEntriesOf(Map.of("team", "a"));
		assertThat(found.getType()).isEqualTo(SchemaType.Repository);
		assertThat(found.getMigrationType()).isEqualTo(MigrationType.Liquibase);
		assertThat(found.getChangelog()).isEqualTo(new SchemaChangelog("conn", "db/changelog.yml", null, null, null));
		assertThat(found.getChangeLogScript()).isNull();
		assertThat(found.getCreatedAt()).isEqualTo(schema.getCreatedAt());
		assertThat(found.getVersion()).isZero();
		assertThat(found.getInstanceCount()).isZero();
		assertThat(this.jdbc.sql("select tags::text from harness_schema where id = ?")
			.param(schema.getId())
			.query(String.class)
			.single()).isEqualTo("{\"team\": \"a\"}");
	}

	@Test
	void whenAnIdentifierIsTakenInAProjectThenTheUniqueConstraintRefusesTheSecondSchema() {
		this.schemas.saveAndFlush(repositorySchema("taken"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.schemas.saveAndFlush(repositorySchema("taken")))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "harness_schema_identifier_unique")).isTrue());
	}

	@Test
	void whenTheRowChangedSinceTheSchemaWasReadThenTheUpdateIsRefused() {
		var schema = repositorySchema("stale");
		this.schemas.saveAndFlush(schema);
		this.jdbc.sql("update harness_schema set version = version + 1 where id = ?").param(schema.getId()).update();

		schema.update("Renamed", null, null, null, null, null, null, null, NOW);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.schemas.flush());
	}

	@Test
	void whenASchemaIsUpdatedThenItsVersionGrowsByOne() {
		var schema = repositorySchema("bumped");
		this.schemas.saveAndFlush(schema);

		schema.update("Renamed", null, null, null, null, null, null, null, NOW);
		this.schemas.flush();

		assertThat(schema.getVersion()).isEqualTo(1);
		assertThat(this.jdbc.sql("select name from harness_schema where id = ?")
			.param(schema.getId())
			.query(String.class)
			.single()).isEqualTo("Renamed");
	}

	@Test
	void whenASchemaWithInstancesIsReadThenItCountsThemAndItsDeleteTakesThemAlong() {
		var schema = repositorySchema("counted");
		this.schemas.saveAndFlush(schema);
		for (var identifier : new String[] { "a", "b" }) {
			var instance = new DbInstance(identifier, identifier, null, "pg", new Revision("main", null, null), null,
					null, NOW);
			instance.storedIn(schema.getId());
			this.instances.saveAndFlush(instance);
		}
		this.entityManager.clear();

		assertThat(this.schemas.find(key("counted")).orElseThrow().getInstanceCount()).isEqualTo(2);
		assertThat(this.schemas.delete(key("counted"))).isTrue();
		assertThat(this.schemas.find(key("counted"))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from harness_instance where schema_id = ?")
			.param(schema.getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.schemas.delete(key("counted"))).isFalse();
	}

	@Test
	void whenSchemasAreListedThenOnlyTheProjectsMatchingOnesComeInTheAskedOrder() {
		for (var identifier : new String[] { "alpha", "beta", "gamma" }) {
			this.schemas.saveAndFlush(repositorySchema(identifier));
		}
		var other = new DbSchema(this.account, "org", "elsewhere", "alphabet", "Alphabet", null, SchemaType.Repository,
				MigrationType.Liquibase, new SchemaChangelog("c", "l", null, null, null), null, null, false, null, NOW);
		this.schemas.saveAndFlush(other);

		var query = new ListQuery(0, 10, "name", "ASC", "A");
		var page = query.page(this.schemas, DbSchemaRepository.matching(this.account, "org", "proj", null, query));

		assertThat(page.items()).extracting(DbSchema::getIdentifier).containsExactly("alpha", "beta", "gamma");
		assertThat(page.total()).isEqualTo(3);
	}

	@Test
	void whenTwoListsDifferOnlyInTheirValuesThenTheSecondReusesTheFirstsPlanAndGetsItsOwnRows() {
		this.schemas.saveAndFlush(repositorySchema("alpha"));
		this.schemas.saveAndFlush(repositorySchema("beta"));
		var plans = this.entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();

		int before = plans.getNumberOfCachedQueryPlans();
		var alpha = search("alph");
		int afterFirst = plans.getNumberOfCachedQueryPlans();
		var beta = search("BET");

		assertThat(alpha).containsExactly("alpha");
		assertThat(beta).containsExactly("beta");
		assertThat(afterFirst).isGreaterThan(before);
		assertThat(plans.getNumberOfCachedQueryPlans()).isEqualTo(afterFirst);
	}

	/**
	 * A search of a shape no other test lists with (a migration type, oldest update
	 * first), so that its first run is the one that caches the plan.
	 */
	private List<String> search(String term) {
		var query = new ListQuery(null, null, "updated", "ASC", term);
		return query
			.page(this.schemas,
					DbSchemaRepository.matching(this.account, "org", "proj", MigrationType.Liquibase, query))
			.items()
			.stream()
			.map(DbSchema::getIdentifier)
			.toList();
	}

	private DbSchema repositorySchema(String identifier) {
		return new DbSchema(this.account, "org", "proj", identifier,
				Character.toUpperCase(identifier.charAt(0)) + identifier.substring(1), Map.of("team", "a"),
				SchemaType.Repository, MigrationType.Liquibase,
				new SchemaChangelog("conn", "db/changelog.yml", null, null, null), null, null, false, null, NOW);
	}

	private SchemaKey key(String identifier) {
		return new SchemaKey(this.account, "org", "proj", identifier);
	}

}
