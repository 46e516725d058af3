package dev.dbplane.harness;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.dbplane.persistence.Constraints;
import dev.dbplane.web.ApiException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instances of a schema: uniqueness within the schema, the revision rule and PUT merge. A
 * missing schema is reported before anything wrong with the instance, as a lookup-first
 * service would.
 */
@Service
class InstanceService {

	private final DbSchemaRepository schemas;

	private final DbInstanceRepository instances;

	private final Clock clock;

	InstanceService(DbSchemaRepository schemas, DbInstanceRepository instances, Clock clock) {
		this.schemas = schemas;
		this.instances = instances;
		this.clock = clock;
	}

	/**
	 * One statement when it succeeds, committed on its own (no transaction around it: one
	 * round trip to PostgreSQL): the insert finds the schema and checks the revision rule
	 * itself. Only a refused insert looks at the schema, to say why.
	 */
	InstanceResponse create(HarnessAccount account, String org, String project, String schemaIdentifier,
			InstanceCreateRequest request) {
		var key = new SchemaKey(account, org, project, schemaIdentifier);
		var instance = new DbInstance(request.identifier(), request.name(), request.tags(), request.connector(),
				revision(key, request), request.context(), request.substituteProperties(), now());
		boolean inserted;
		try {
			inserted = this.instances.insert(key, instance);
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, "harness_instance_identifier_unique")) {
				throw ApiException.duplicate("Database instance with identifier '" + request.identifier()
						+ "' already exists in schema '" + schemaIdentifier + "'");
			}
			if (Constraints.violated(ex, "harness_instance_schema_id_fkey")) {
				throw SchemaService.notFound(schemaIdentifier);
			}
			throw ex;
		}
		if (!inserted) {
			throw whyNotInserted(key, instance);
		}
		return InstanceResponse.from(instance, schemaIdentifier);
	}

	/** The request's revision; when it is invalid, a missing schema is the error. */
	private Revision revision(SchemaKey key, InstanceCreateRequest request) {
		try {
			return request.revision();
		}
		catch (ApiException ex) {
			requireSchema(key);
			throw ex;
		}
	}

	/**
	 * Why an insert found no schema to insert into: there is none, or its type needs a
	 * revision the instance lacks. Anything else means the schema changed between the two
	 * statements.
	 */
	private RuntimeException whyNotInserted(SchemaKey key, DbInstance instance) {
		if (instance.hasRevision()) {
			return SchemaService.notFound(key.identifier());
		}
		instance.requireRevisionUnder(requireSchema(key).getType());
		return new OptimisticLockingFailureException("Schema '" + key.identifier() + "' changed during the create");
	}

	/** One select, so no transaction around it (and no Hibernate session). */
	InstanceResponse get(HarnessAccount account, String org, String project, String schemaIdentifier,
			String identifier) {
		var found = find(new SchemaKey(account, org, project, schemaIdentifier), identifier);
		return InstanceResponse.from(found.instance(), schemaIdentifier);
	}

	@Transactional(readOnly = true)
	Page<InstanceResponse> list(HarnessAccount account, String org, String project, String schemaIdentifier,
			ListQuery query, InstanceFilter filter) {
		var schema = requireSchema(new SchemaKey(account, org, project, schemaIdentifier));
		return query.page(this.instances, DbInstanceRepository.matching(schema.getId(), query, filter))
			.map((instance) -> InstanceResponse.from(instance, schemaIdentifier));
	}

	@Transactional
	InstanceResponse update(HarnessAccount account, String org, String project, String schemaIdentifier,
			String identifier, InstanceUpdateRequest request) {
		var schema = requireSchema(new SchemaKey(account, org, project, schemaIdentifier));
		var instance = this.instances.findBySchemaIdAndIdentifier(schema.getId(), identifier)
			.orElseThrow(() -> notFound(identifier));
		if (request.identifier() != null && !request.identifier().equals(instance.getIdentifier())) {
			throw ApiException.invalid("identifier: cannot be changed (stored: " + instance.getIdentifier() + ")");
		}
		instance.update(schema.getType(), request.name(), request.tags(), request.connector(), request.revision(),
				request.context(), request.version(), request.substituteProperties(), now());
		this.instances.flush();
		return InstanceResponse.from(instance, schemaIdentifier);
	}

	@Transactional
	void delete(HarnessAccount account, String org, String project, String schemaIdentifier, String identifier) {
		var key = new SchemaKey(account, org, project, schemaIdentifier);
		if (!this.instances.delete(key, identifier)) {
			requireSchema(key);
			throw notFound(identifier);
		}
	}

	/**
	 * The instance and its schema's type; a 404 naming whichever of the two is missing.
	 */
	private DbInstanceRepositoryCustom.InSchema find(SchemaKey key, String identifier) {
		var found = this.instances.find(key, identifier).orElseThrow(() -> SchemaService.notFound(key.identifier()));
		if (found.instance() == null) {
			throw notFound(identifier);
		}
		return found;
	}

	private DbSchema requireSchema(SchemaKey key) {
		return this.schemas.find(key).orElseThrow(() -> SchemaService.notFound(key.identifier()));
	}

	/** The time of a Harness write, at the microseconds PostgreSQL keeps. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static ApiException notFound(String identifier) {
		return ApiException.notFound("Database instance '" + identifier + "' not found");
	}

}
