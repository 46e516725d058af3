package dev.dbplane.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.dbplane.harness.Columns.json;
import static dev.dbplane.harness.Columns.stringMap;
import static dev.dbplane.harness.Columns.text;
import static dev.dbplane.persistence.TimestampColumns.instant;
import static dev.dbplane.persistence.TimestampColumns.timestamptz;

/**
 * {@code harness_schema} in SQL. Every method runs in its caller's transaction. A read
 * that answers with a schema also counts its instances in the same statement.
 */
@Repository
class DbSchemaRepository {

	private static final String COLUMNS = """
			s.id, s.account_id, s.org, s.project, s.identifier, s.name, s.tags, s.service, s.type, s.migration_type, \
			s.use_percona, s.primary_db_instance_id, s.changelog_connector, s.changelog_location, s.changelog_repo, \
			s.changelog_archive_path, s.changelog_toml, s.script_image, s.script_command, s.script_shell, \
			s.script_location, s.script_toml, s.created_at, s.updated_at, s.version""";

	private static final String INSTANCE_COUNT = "(select count(*) from harness_instance i where i.schema_id = s.id)";

	private static final String BY_KEY = "s.account_id = ? and s.org = ? and s.project = ? and s.identifier = ?";

	private final JdbcClient jdbc;

	DbSchemaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A schema and how many instances it has. */
	record Counted(DbSchema schema, long instanceCount) {
	}

	/** What an instance needs to know of its schema. */
	record Ref(UUID id, SchemaType type) {
	}

	/**
	 * Inserts a new schema. A taken identifier violates
	 * {@code harness_schema_identifier_unique}.
	 */
	void insert(DbSchema schema) {
		var changelog = schema.getChangelog();
		var script = schema.getChangeLogScript();
		this.jdbc.sql("""
				insert into harness_schema (id, account_id, org, project, identifier, name, tags, service, type,
				    migration_type, use_percona, primary_db_instance_id, changelog_connector, changelog_location,
				    changelog_repo, changelog_archive_path, changelog_toml, script_image, script_command, script_shell,
				    script_location, script_toml, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(schema.getId(), schema.getAccountId(), schema.getOrg(), schema.getProject(), schema.getIdentifier(),
					schema.getName(), json(schema.getTags()), text(schema.getService()), schema.getType().name(),
					schema.getMigrationType().name(), schema.isUsePercona(), text(schema.getPrimaryDbInstanceId()))
			.params(changelogParams(changelog))
			.params(scriptParams(script))
			.params(timestamptz(schema.getCreatedAt()), timestamptz(schema.getUpdatedAt()), schema.getVersion())
			.update();
	}

	/**
	 * Writes every mutable column of {@code schema} if its row is still at the version it
	 * was read at, bumping the version.
	 * @return the schema's instance count after the update
	 * @throws OptimisticLockingFailureException when another request changed or deleted
	 * the row meanwhile
	 */
	long update(DbSchema schema) {
		return this.jdbc.sql("""
				update harness_schema set name = ?, tags = ?::jsonb, service = ?, type = ?, use_percona = ?,
				    primary_db_instance_id = ?, changelog_connector = ?, changelog_location = ?, changelog_repo = ?,
				    changelog_archive_path = ?, changelog_toml = ?, script_image = ?, script_command = ?,
				    script_shell = ?, script_location = ?, script_toml = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				returning (select count(*) from harness_instance i where i.schema_id = harness_schema.id)""")
			.params(schema.getName(), json(schema.getTags()), text(schema.getService()), schema.getType().name(),
					schema.isUsePercona(), text(schema.getPrimaryDbInstanceId()))
			.params(changelogParams(schema.getChangelog()))
			.params(scriptParams(schema.getChangeLogScript()))
			.params(timestamptz(schema.getUpdatedAt()), schema.getId(), schema.getVersion())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new OptimisticLockingFailureException(
					"Schema " + schema.getId() + " is no longer at version " + schema.getVersion()));
	}

	Optional<DbSchema> find(SchemaKey key) {
		return this.jdbc.sql("select " + COLUMNS + " from harness_schema s where " + BY_KEY)
			.params(key.accountId(), key.org(), key.project(), key.identifier())
			.query(DbSchemaRepository::schema)
			.optional();
	}

	Optional<Counted> findCounted(SchemaKey key) {
		return this.jdbc
			.sql("select " + COLUMNS + ", " + INSTANCE_COUNT + " as instance_count from harness_schema s where "
					+ BY_KEY)
			.params(key.accountId(), key.org(), key.project(), key.identifier())
			.query(DbSchemaRepository::counted)
			.optional();
	}

	Optional<Ref> findRef(SchemaKey key) {
		return this.jdbc.sql("select s.id, s.type from harness_schema s where " + BY_KEY)
			.params(key.accountId(), key.org(), key.project(), key.identifier())
			.query((rs, row) -> new Ref(rs.getObject(1, UUID.class), SchemaType.valueOf(rs.getString(2))))
			.optional();
	}

	/** Deletes a schema, and its instances by cascade; whether there was one. */
	boolean delete(SchemaKey key) {
		return this.jdbc
			.sql("delete from harness_schema where account_id = ? and org = ? and project = ? and identifier = ?")
			.params(key.accountId(), key.org(), key.project(), key.identifier())
			.update() > 0;
	}

	/**
	 * One page of a project's schemas, newest first unless {@code query} sorts otherwise,
	 * optionally of one migration type and matching {@code query}'s search term.
	 */
	Page<Counted> list(String accountId, String org, String project, MigrationType migrationType, ListQuery query) {
		var where = new Where().and("s.account_id = ?", accountId).and("s.org = ?", org).and("s.project = ?", project);
		if (migrationType != null) {
			where.and("s.migration_type = ?", migrationType.name());
		}
		var pattern = query.likePattern();
		if (pattern != null) {
			where.and("(lower(s.name) like ? escape '\\' or lower(s.identifier) like ? escape '\\')", pattern, pattern);
		}
		return where.page(this.jdbc, COLUMNS + ", " + INSTANCE_COUNT + " as instance_count", "harness_schema", "s",
				query, DbSchemaRepository::counted);
	}

	private static Object[] changelogParams(SchemaChangelog changelog) {
		return (changelog != null)
				? new Object[] { text(changelog.connector()), text(changelog.location()), text(changelog.repo()),
						text(changelog.archivePath()), text(changelog.toml()) }
				: new Object[] { text(null), text(null), text(null), text(null), text(null) };
	}

	private static Object[] scriptParams(SchemaScript script) {
		return (script != null)
				? new Object[] { text(script.image()), text(script.command()), text(script.shell()),
						text(script.location()), text(script.toml()) }
				: new Object[] { text(null), text(null), text(null), text(null), text(null) };
	}

	private static Counted counted(ResultSet rs, int row) throws SQLException {
		return new Counted(schema(rs, row), rs.getLong("instance_count"));
	}

	/**
	 * A stored schema. A source whose columns are all null is absent, as it was stored.
	 */
	private static DbSchema schema(ResultSet rs, int row) throws SQLException {
		var changelog = new SchemaChangelog(rs.getString("changelog_connector"), rs.getString("changelog_location"),
				rs.getString("changelog_repo"), rs.getString("changelog_archive_path"), rs.getString("changelog_toml"));
		var script = new SchemaScript(rs.getString("script_image"), rs.getString("script_command"),
				rs.getString("script_shell"), rs.getString("script_location"), rs.getString("script_toml"));
		return new DbSchema(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("org"),
				rs.getString("project"), rs.getString("identifier"), rs.getString("name"), stringMap(rs, "tags"),
				SchemaType.valueOf(rs.getString("type")), MigrationType.valueOf(rs.getString("migration_type")),
				changelog.isEmpty() ? null : changelog, script.isEmpty() ? null : script, rs.getString("service"),
				rs.getBoolean("use_percona"), rs.getString("primary_db_instance_id"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

}
