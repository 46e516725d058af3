package dev.dbplane.harness;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.dbplane.persistence.Constraints;
import dev.dbplane.web.ApiException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schemas of a project: uniqueness of identifiers, PUT merge and cascade delete. */
@Service
class SchemaService {

	private final DbSchemaRepository schemas;

	private final Clock clock;

	SchemaService(DbSchemaRepository schemas, Clock clock) {
		this.schemas = schemas;
		this.clock = clock;
	}

	@Transactional
	SchemaResponse create(HarnessAccount account, String org, String project, SchemaCreateRequest request) {
		var schema = new DbSchema(account.id(), org, project, request.identifier(), request.name(), request.tags(),
				request.effectiveType(),
				(request.migrationType() != null) ? request.migrationType() : MigrationType.Liquibase,
				(request.changelog() != null) ? request.changelog().toStored() : null,
				(request.changeLogScript() != null) ? request.changeLogScript().toStored() : null, request.service(),
				Boolean.TRUE.equals(request.usePercona()), request.primaryDbInstanceId(), now());
		try {
			this.schemas.saveAndFlush(schema);
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, "harness_schema_identifier_unique")) {
				throw ApiException
					.duplicate("Database schema with identifier '" + request.identifier() + "' already exists");
			}
			throw ex;
		}
		return SchemaResponse.from(schema, 0);
	}

	@Transactional(readOnly = true)
	SchemaResponse get(HarnessAccount account, String org, String project, String identifier) {
		var schema = this.schemas.find(new SchemaKey(account, org, project, identifier))
			.orElseThrow(() -> notFound(identifier));
		return SchemaResponse.from(schema, schema.getInstanceCount());
	}

	@Transactional(readOnly = true)
	Page<SchemaResponse> list(HarnessAccount account, String org, String project, ListQuery query,
			MigrationType migrationType) {
		return query.page(this.schemas, DbSchemaRepository.matching(account.id(), org, project, migrationType, query))
			.map((schema) -> SchemaResponse.from(schema, schema.getInstanceCount()));
	}

	@Transactional
	SchemaResponse update(HarnessAccount account, String org, String project, String identifier,
			SchemaUpdateRequest request) {
		var schema = this.schemas.find(new SchemaKey(account, org, project, identifier))
			.orElseThrow(() -> notFound(identifier));
		if (request.identifier() != null && !request.identifier().equals(schema.getIdentifier())) {
			throw ApiException.invalid("identifier: cannot be changed (stored: " + schema.getIdentifier() + ")");
		}
		if (request.migrationType() != null && request.migrationType() != schema.getMigrationType()) {
			throw ApiException
				.invalid("migrationType: cannot be changed after creation (stored: " + schema.getMigrationType() + ")");
		}
		schema
			.update(request.name(), request.tags(), request.type(),
					(request.changelog() != null) ? request.changelog().mergeInto(schema.getChangelog()) : null,
					(request.changeLogScript() != null)
							? request.changeLogScript().mergeInto(schema.getChangeLogScript()) : null,
					request.service(), request.usePercona(), request.primaryDbInstanceId(), now());
		this.schemas.flush();
		return SchemaResponse.from(schema, schema.getInstanceCount());
	}

	@Transactional
	void delete(HarnessAccount account, String org, String project, String identifier) {
		if (!this.schemas.delete(new SchemaKey(account, org, project, identifier))) {
			throw notFound(identifier);
		}
	}

	/**
	 * The time of a Harness write, at the microseconds PostgreSQL keeps: what a response
	 * shows is what is read back later.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ApiException notFound(String identifier) {
		return ApiException.notFound("Database schema '" + identifier + "' not found");
	}

}
