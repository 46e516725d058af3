package dev.dbplane.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.dbplane.persistence.BatchedInserts;
import dev.dbplane.persistence.TextColumns;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.dbplane.harness.Columns.json;
import static dev.dbplane.harness.Columns.stringMap;
import static dev.dbplane.harness.Columns.text;
import static dev.dbplane.persistence.TimestampColumns.instant;
import static dev.dbplane.persistence.TimestampColumns.timestamptz;

/**
 * The statements of {@code harness_instance} that stay SQL, and why.
 * <ul>
 * <li>The create: the rows of concurrent creates go into one multi-row statement
 * ({@link BatchedInserts}), which finds the schema by its key and checks the revision
 * rule in the same statement. JPA has no multi-row insert across requests, and a persist
 * would first need the schema read on its own round trip.</li>
 * <li>The get, the hottest read: one statement that finds the schema by its key and the
 * instance in it. Through Hibernate the same select cost a large part of a get's time in
 * the benchmark (README, benchmark section), and the instance read is never changed
 * afterwards, so nothing is lost by not managing it.</li>
 * </ul>
 */
class DbInstanceRepositoryImpl implements DbInstanceRepositoryCustom {

	private static final String COLUMNS = """
			i.id, i.schema_id, i.identifier, i.name, i.tags, i.connector, i.branch, i.commit_sha, i.git_tag, \
			i.context, i.substitute_properties, i.changelog_version, i.last_applied_tag, \
			i.last_deployed_change_set_tag, i.to_onboard, i.created_at, i.updated_at, i.version""";

	/** The version a row starts at, as Hibernate would seed it. */
	private static final long FIRST_VERSION = 0;

	private final JdbcClient jdbc;

	private final BatchedInserts<Pending> inserts = new BatchedInserts<>(this::insertOne, this::insertAll);

	DbInstanceRepositoryImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean insert(SchemaKey schema, DbInstance instance) {
		return this.inserts.insert(new Pending(schema, instance));
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
					instance.getCreatedAt(), instance.getUpdatedAt(), FIRST_VERSION, schema.accountId(), schema.org(),
					schema.project(), schema.identifier(), instance.hasRevision());
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
					timestamptz(instance.getCreatedAt()), timestamptz(instance.getUpdatedAt()), FIRST_VERSION)
			.params(schema.accountId(), schema.org(), schema.project(), schema.identifier(), instance.hasRevision())
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.optional();
		schemaId.ifPresent(instance::storedIn);
		return schemaId.isPresent();
	}

	/**
	 * The instance {@code identifier} of the schema {@code schema} addresses; empty when
	 * that schema is missing.
	 */
	@Override
	public Optional<InSchema> find(SchemaKey schema, String identifier) {
		return this.jdbc
			.sql("select s.type as schema_type, " + COLUMNS + " from harness_schema s"
					+ " left join harness_instance i on i.schema_id = s.id and i.identifier = ?"
					+ " where s.account_id = ? and s.org = ? and s.project = ? and s.identifier = ?")
			.params(identifier, schema.accountId(), schema.org(), schema.project(), schema.identifier())
			.query((rs, row) -> new InSchema(SchemaType.valueOf(rs.getString("schema_type")),
					(rs.getObject("id") != null) ? instance(rs, row) : null))
			.optional();
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
