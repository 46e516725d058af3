package dev.dbplane.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import dev.dbplane.persistence.BatchedInserts;
import dev.dbplane.persistence.TextColumns;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.dbplane.harness.Columns.json;
import static dev.dbplane.harness.Columns.stringMap;
import static dev.dbplane.harness.Columns.text;
import static dev.dbplane.persistence.TimestampColumns.instant;
import static dev.dbplane.persistence.TimestampColumns.timestamptz;

/**
 * {@code harness_instance} in SQL. Every method runs in its caller's transaction. An
 * instance is addressed through its schema's key, so that a create or a read is one
 * statement with no separate lookup of the schema.
 */
@Repository
class DbInstanceRepository {

	private static final String COLUMNS = """
			i.id, i.schema_id, i.identifier, i.name, i.tags, i.connector, i.branch, i.commit_sha, i.git_tag, \
			i.context, i.substitute_properties, i.changelog_version, i.last_applied_tag, \
			i.last_deployed_change_set_tag, i.to_onboard, i.created_at, i.updated_at, i.version""";

	private final JdbcClient jdbc;

	private final BatchedInserts<Pending> inserts = new BatchedInserts<>(this::insertOne, this::insertAll);

	DbInstanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An instance looked up by its path: the type of its schema, which exists, and the
	 * instance, or {@code null} when the schema has none of that identifier.
	 */
	record InSchema(SchemaType schemaType, DbInstance instance) {
	}

	/**
	 * Inserts a new instance into the schema {@code schema} addresses, in one statement
	 * that also enforces the revision rule of {@link SchemaType#needsRevision()}. Places
	 * the instance in that schema when it was inserted.
	 * @return whether it was inserted: {@code false} when the schema is missing or is one
	 * whose instances need a revision the instance lacks. A taken identifier violates
	 * {@code harness_instance_identifier_unique}; a schema deleted meanwhile violates
	 * {@code harness_instance_schema_id_fkey}.
	 */
	boolean insert(SchemaKey schema, DbInstance instance) {
		return this.inserts.insert(new Pending(schema, instance));
	}

	/** How many creates wait for a batch to insert their instance. */
	int waitingToInsert() {
		return this.inserts.waiting();
	}

	/** An instance to insert into the schema a key addresses. */
	private record Pending(SchemaKey schema, DbInstance instance) {
	}

	/**
	 * Inserts the instances of concurrent creates in one statement that is
	 * {@link #insertOne}'s insert for each. An instance it does not insert (a taken
	 * identifier, a missing schema, the revision rule) or a statement refused as a whole
	 * (a schema deleted meanwhile) gets {@code null}, for {@link #insertOne} to decide.
	 */
	private List<Boolean> insertAll(List<Pending> batch) {
		var columns = new TextColumns(22, batch.size());
		for (var pending : batch) {
			var instance = pending.instance();
			var schema = pending.schema();
			columns.add(instance.getId(), instance.getIdentifier(), instance.getName(), json(instance.getTags()),
					instance.getConnector(), instance.getBranch(), instance.getCommitSha(), instance.getGitTag(),
					instance.getContext(), json(instance.getSubstituteProperties()), instance.getChangelogVersion(),
					instance.getLastAppliedTag(), instance.getLastDeployedChangeSetTag(), instance.isToOnboard(),
					instance.getCreatedAt(), instance.getUpdatedAt(), instance.getVersion(), schema.accountId(),
					schema.org(), schema.project(), schema.identifier(), instance.hasRevision());
		}
		var inserted = new HashMap<UUID, UUID>();
		try {
			this.jdbc
				.sql("""
						insert into harness_instance (id, schema_id, identifier, name, tags, connector, branch, commit_sha,
						    git_tag, context, substitute_properties, changelog_version, last_applied_tag,
						    last_deployed_change_set_tag, to_onboard, created_at, updated_at, version)
						select r.id::uuid, s.id, r.identifier, r.name, r.tags::jsonb, r.connector, r.branch, r.commit_sha,
						    r.git_tag, r.context, r.substitute_properties::jsonb, r.changelog_version, r.last_applied_tag,
						    r.last_deployed_change_set_tag, r.to_onboard::boolean, r.created_at::timestamptz,
						    r.updated_at::timestamptz, r.version::bigint
						from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
						    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
						    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
						    as r(id, identifier, name, tags, connector, branch, commit_sha, git_tag, context,
						    substitute_properties, changelog_version, last_applied_tag, last_deployed_change_set_tag,
						    to_onboard, created_at, updated_at, version, account_id, org, project, schema_identifier,
						    has_revision)
						join harness_schema s on s.account_id = r.account_id and s.org = r.org and s.project = r.project
						    and s.identifier = r.schema_identifier and (r.has_revision::boolean or s.type <> 'Repository')
						on conflict on constraint harness_instance_identifier_unique do nothing
						returning id, schema_id""")
				.params(columns.parameters())
				.query((rs, row) -> inserted.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
				.list();
		}
		catch (DataIntegrityViolationException ex) {
			inserted.clear();
		}
		var result = new ArrayList<Boolean>(batch.size());
		for (var pending : batch) {
			var schemaId = inserted.get(pending.instance().getId());
			if (schemaId != null) {
				pending.instance().storedIn(schemaId);
			}
			result.add((schemaId != null) ? true : null);
		}
		return result;
	}

	private boolean insertOne(Pending pending) {
		var schema = pending.schema();
		var instance = pending.instance();
		var schemaId = this.jdbc.sql("""
				insert into harness_instance (id, schema_id, identifier, name, tags, connector, branch, commit_sha,
				    git_tag, context, substitute_properties, changelog_version, last_applied_tag,
				    last_deployed_change_set_tag, to_onboard, created_at, updated_at, version)
				select ?, s.id, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?
				from harness_schema s
				where s.account_id = ? and s.org = ? and s.project = ? and s.identifier = ?
				    and (? or s.type <> 'Repository')
				returning schema_id""")
			.params(instance.getId(), instance.getIdentifier(), instance.getName(), json(instance.getTags()),
					instance.getConnector(), text(instance.getBranch()), text(instance.getCommitSha()),
					text(instance.getGitTag()), text(instance.getContext()), json(instance.getSubstituteProperties()),
					text(instance.getChangelogVersion()), text(instance.getLastAppliedTag()),
					instance.getLastDeployedChangeSetTag(), instance.isToOnboard(),
					timestamptz(instance.getCreatedAt()), timestamptz(instance.getUpdatedAt()), instance.getVersion())
			.params(schema.accountId(), schema.org(), schema.project(), schema.identifier(), instance.hasRevision())
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.optional();
		schemaId.ifPresent(instance::storedIn);
		return schemaId.isPresent();
	}

	/**
	 * Writes every mutable column of {@code instance} if its row is still at the version
	 * it was read at, bumping the version.
	 * @throws OptimisticLockingFailureException when another request changed or deleted
	 * the row meanwhile
	 */
	void update(DbInstance instance) {
		var updated = this.jdbc.sql("""
				update harness_instance set name = ?, tags = ?::jsonb, connector = ?, branch = ?, commit_sha = ?,
				    git_tag = ?, context = ?, substitute_properties = ?::jsonb, changelog_version = ?, updated_at = ?,
				    version = version + 1
				where id = ? and version = ?""")
			.params(instance.getName(), json(instance.getTags()), instance.getConnector(), text(instance.getBranch()),
					text(instance.getCommitSha()), text(instance.getGitTag()), text(instance.getContext()),
					json(instance.getSubstituteProperties()), text(instance.getChangelogVersion()),
					timestamptz(instance.getUpdatedAt()), instance.getId(), instance.getVersion())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException(
					"Instance " + instance.getId() + " is no longer at version " + instance.getVersion());
		}
	}

	/**
	 * The instance {@code identifier} of the schema {@code schema} addresses; empty when
	 * that schema is missing.
	 */
	Optional<InSchema> find(SchemaKey schema, String identifier) {
		return this.jdbc
			.sql("select s.type as schema_type, " + COLUMNS + " from harness_schema s"
					+ " left join harness_instance i on i.schema_id = s.id and i.identifier = ?"
					+ " where s.account_id = ? and s.org = ? and s.project = ? and s.identifier = ?")
			.params(identifier, schema.accountId(), schema.org(), schema.project(), schema.identifier())
			.query((rs, row) -> new InSchema(SchemaType.valueOf(rs.getString("schema_type")),
					(rs.getObject("id") != null) ? instance(rs, row) : null))
			.optional();
	}

	/**
	 * Deletes an instance; whether there was one in the schema {@code schema} addresses.
	 */
	boolean delete(SchemaKey schema, String identifier) {
		return this.jdbc.sql("""
				delete from harness_instance i using harness_schema s
				where i.schema_id = s.id and i.identifier = ?
				    and s.account_id = ? and s.org = ? and s.project = ? and s.identifier = ?""")
			.params(identifier, schema.accountId(), schema.org(), schema.project(), schema.identifier())
			.update() > 0;
	}

	/**
	 * One page of a schema's instances, newest first unless {@code query} sorts
	 * otherwise, matching {@code query}'s search term and {@code filter}'s tags.
	 */
	Page<DbInstance> list(UUID schemaId, ListQuery query, InstanceFilter filter) {
		var where = new Where().and("i.schema_id = ?", schemaId);
		var pattern = query.likePattern();
		if (pattern != null) {
			where.and("(lower(i.name) like ? escape '\\' or lower(i.identifier) like ? escape '\\')", pattern, pattern);
		}
		if (!filter.tags().isEmpty()) {
			var tags = new StringJoiner(" and ", filter.negated() ? "not (" : "(", ")");
			var params = new ArrayList<>();
			for (var tag : filter.tags()) {
				params.add(tag.key());
				if (tag.value() == null) {
					tags.add("jsonb_extract_path_text(i.tags, ?) is not null");
				}
				else {
					// never null (= would be, for an instance without the key), so that
					// NotEquals keeps the instances that lack the key
					tags.add("jsonb_extract_path_text(i.tags, ?) is not distinct from ?");
					params.add(tag.value());
				}
			}
			where.and(tags.toString(), params.toArray());
		}
		return where.page(this.jdbc, COLUMNS, "harness_instance", "i", query, DbInstanceRepository::instance);
	}

	private static DbInstance instance(ResultSet rs, int row) throws SQLException {
		return new DbInstance(rs.getObject("id", UUID.class), rs.getObject("schema_id", UUID.class),
				rs.getString("identifier"), rs.getString("name"), stringMap(rs, "tags"), rs.getString("connector"),
				rs.getString("branch"), rs.getString("commit_sha"), rs.getString("git_tag"), rs.getString("context"),
				stringMap(rs, "substitute_properties"), rs.getString("changelog_version"),
				rs.getString("last_applied_tag"), rs.getString("last_deployed_change_set_tag"),
				rs.getBoolean("to_onboard"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getLong("version"));
	}

}
