package dev.dbplane.harness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import dev.dbplane.RepositoryTest;
import dev.dbplane.persistence.Constraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The instance repository, its batched insert and its hand-written get included. The
 * insert commits on its own, so these tests run outside a transaction, each in an account
 * of its own.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DbInstanceRepositoryTests extends RepositoryTest {

	private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");

	@Autowired
	private DbSchemaRepository schemas;

	@Autowired
	private DbInstanceRepository instances;

	@Autowired
	private JdbcClient jdbc;

	private String account;

	@BeforeEach
	void schemas() {
		this.account = unique("acct");
		this.jdbc.sql("insert into account (id) values (?)").param(this.account).update();
		this.schemas.save(new DbSchema(this.account, "org", "proj", "repo", "Repo", null, SchemaType.Repository,
				MigrationType.Liquibase, new SchemaChangelog("c", "l", null, null, null), null, null, false, null,
				NOW));
		this.schemas.save(new DbSchema(this.account, "org", "proj", "script", "Script", null, SchemaType.Script,
				MigrationType.Liquibase, null, new SchemaScript("image", "cmd", null, null, null), null, false, null,
				NOW));
	}

	@Test
	void whenAnInstanceIsInsertedThenTheGetReadsItBackInItsSchema() {
		var instance = instance("one", "main");

		assertThat(this.instances.insert(key("repo"), instance)).isTrue();

		var found = this.instances.find(key("repo"), "one").orElseThrow();
		assertThat(found.schemaType()).isEqualTo(SchemaType.Repository);
		assertThat(found.instance().getId()).isEqualTo(instance.getId());
		assertThat(found.instance().getSchemaId()).isEqualTo(instance.getSchemaId()).isNotNull();
		assertThat(found.instance().getTags()).containsExactlyEntriesOf(Map.of("env", "dev"));
		assertThat(found.instance().getBranch()).isEqualTo("main");
		assertThat(found.instance().getCreatedAt()).isEqualTo(instance.getCreatedAt());
		assertThat(found.instance().getVersion()).isZero();
		assertThat(this.instances.findBySchemaIdAndIdentifier(instance.getSchemaId(), "one")).isPresent();
	}

	@Test
	void whenTheSchemaIsMissingOrNeedsARevisionThenNothingIsInserted() {
		assertThat(this.instances.insert(key("missing"), instance("a", "main"))).isFalse();
		assertThat(this.instances.insert(key("repo"), instance("b", null))).isFalse();
		assertThat(this.instances.insert(key("script"), instance("c", null))).isTrue();
		assertThat(this.instances.find(key("missing"), "a")).isEmpty();
		assertThat(this.instances.find(key("repo"), "b").orElseThrow().instance()).isNull();
	}

	@Test
	void whenAnIdentifierIsTakenInASchemaThenTheUniqueConstraintRefusesTheSecondInstance() {
		assertThat(this.instances.insert(key("repo"), instance("twice", "main"))).isTrue();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.instances.insert(key("repo"), instance("twice", "main")))
			.satisfies((ex) -> assertThat(Constraints.violated(ex, "harness_instance_identifier_unique")).isTrue());
	}

	@Test
	void whenManyCreatesInsertAtOnceThenEachInstanceIsStoredExactlyOnce() throws Exception {
		var calls = new ArrayList<Callable<Boolean>>();
		for (int i = 0; i < 40; i++) {
			var identifier = "many_" + i;
			calls.add(() -> this.instances.insert(key("repo"), instance(identifier, "main")));
		}
		calls.add(() -> this.instances.insert(key("repo"), instance("many_refused", null)));
		List<Boolean> results = new ArrayList<>();
		var pool = Executors.newFixedThreadPool(16);
		try {
			for (var future : pool.invokeAll(calls)) {
				results.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(results.subList(0, 40)).containsOnly(true);
		assertThat(results.get(40)).isFalse();
		assertThat(this.jdbc
			.sql("select count(*) from harness_instance i join harness_schema s on s.id = i.schema_id "
					+ "where s.account_id = ? and i.identifier like 'many%'")
			.param(this.account)
			.query(Long.class)
			.single()).isEqualTo(40);
	}

	@Test
	@Transactional
	void whenAnInsertRunsInsideATransactionThenItRefusesToRun() {
		// The repository translates the IllegalStateException, as it does every failure.
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.instances.insert(key("repo"), instance("tx", "main")))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("cannot run inside a transaction");
	}

	@Test
	void whenInstancesAreListedByTagThenEqualsAndNotEqualsSplitThem() {
		this.instances.insert(key("script"), instance("dev", null));
		var prod = new DbInstance("prod", "prod", Map.of("env", "prod"), "pg", new Revision(null, null, null), null,
				null, NOW);
		this.instances.insert(key("script"), prod);
		this.instances.insert(key("script"),
				new DbInstance("bare", "bare", null, "pg", new Revision(null, null, null), null, null, NOW));
		var schemaId = prod.getSchemaId();
		var query = new ListQuery(0, 10, "name", "ASC", null);
		var tag = List.of(new InstanceFilter.Tag("env", "dev"));

		var equal = query.page(this.instances, DbInstanceRepository.matching(schemaId, query,
				new InstanceFilter(InstanceFilter.FilterType.Equals, tag)));
		var notEqual = query.page(this.instances, DbInstanceRepository.matching(schemaId, query,
				new InstanceFilter(InstanceFilter.FilterType.NotEquals, tag)));

		assertThat(equal.items()).extracting(DbInstance::getIdentifier).containsExactly("dev");
		assertThat(notEqual.items()).extracting(DbInstance::getIdentifier).containsExactly("bare", "prod");
	}

	@Test
	void whenAnInstanceIsDeletedThroughItsSchemasKeyThenOnlyItGoes() {
		this.instances.insert(key("script"), instance("gone", null));
		this.instances.insert(key("script"), instance("kept", null));

		assertThat(this.instances.delete(key("script"), "gone")).isTrue();
		assertThat(this.instances.delete(key("repo"), "kept")).isFalse();
		assertThat(this.instances.find(key("script"), "gone").orElseThrow().instance()).isNull();
		assertThat(this.instances.find(key("script"), "kept").orElseThrow().instance()).isNotNull();
	}

	private static DbInstance instance(String identifier, String branch) {
		return new DbInstance(identifier, identifier, Map.of("env", "dev"), "pg", new Revision(branch, null, null),
				null, null, NOW);
	}

	private SchemaKey key(String identifier) {
		return new SchemaKey(this.account, "org", "proj", identifier);
	}

}
