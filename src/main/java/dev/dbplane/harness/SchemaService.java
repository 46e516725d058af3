package dev.dbplane.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.Constraints;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schemas of a project: uniqueness of identifiers, PUT merge and cascade delete. */
@Service
class SchemaService {

	private final DbSchemaRepository schemas;

	private final DbInstanceRepository instances;

	SchemaService(DbSchemaRepository schemas, DbInstanceRepository instances) {
		this.schemas = schemas;
		this.instances = instances;
	}

	@Transactional
	SchemaResponse create(HarnessAccount account, String org, String project, SchemaCreateRequest request) {
		var schema = new DbSchema(account.id(), org, project, request.identifier(), request.name(), request.tags(),
				request.effectiveType(),
				(request.migrationType() != null) ? request.migrationType() : MigrationType.Liquibase,
				(request.changelog() != null) ? request.changelog().toStored() : null,
				(request.changeLogScript() != null) ? request.changeLogScript().toStored() : null, request.service(),
				Boolean.TRUE.equals(request.usePercona()), request.primaryDbInstanceId());
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
		var schema = find(account, org, project, identifier);
		return SchemaResponse.from(schema, this.instances.countBySchemaId(schema.getId()));
	}

	@Transactional(readOnly = true)
	Page<SchemaResponse> list(HarnessAccount account, String org, String project, ListQuery query,
			MigrationType migrationType) {
		Specification<DbSchema> spec = (root, q, cb) -> cb.and(cb.equal(root.get("accountId"), account.id()),
				cb.equal(root.get("org"), org), cb.equal(root.get("project"), project));
		if (migrationType != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("migrationType"), migrationType));
		}
		var pattern = query.likePattern();
		if (pattern != null) {
			spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
					cb.like(cb.lower(root.get("identifier")), pattern, '\\')));
		}
		var pageRequest = query.pageRequest();
		if (pageRequest == null) {
			return new Page<>(List.of(), this.schemas.count(spec), query.pageNumber(), 0);
		}
		var page = this.schemas.findAll(spec, pageRequest);
		var counts = countInstances(page.getContent());
		var items = page.getContent()
			.stream()
			.map((schema) -> SchemaResponse.from(schema, counts.getOrDefault(schema.getId(), 0L)))
			.toList();
		return new Page<>(items, page.getTotalElements(), query.pageNumber(), query.pageSize());
	}

	@Transactional
	SchemaResponse update(HarnessAccount account, String org, String project, String identifier,
			SchemaUpdateRequest request) {
		var schema = find(account, org, project, identifier);
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
					request.service(), request.usePercona(), request.primaryDbInstanceId());
		this.schemas.saveAndFlush(schema);
		return SchemaResponse.from(schema, this.instances.countBySchemaId(schema.getId()));
	}

	@Transactional
	void delete(HarnessAccount account, String org, String project, String identifier) {
		if (this.schemas.deleteByScope(account.id(), org, project, identifier) == 0) {
			throw notFound(identifier);
		}
	}

	/** The schema addressed by a path, in the caller's account only. */
	DbSchema find(HarnessAccount account, String org, String project, String identifier) {
		return this.schemas.findByAccountIdAndOrgAndProjectAndIdentifier(account.id(), org, project, identifier)
			.orElseThrow(() -> notFound(identifier));
	}

	private static ApiException notFound(String identifier) {
		return ApiException.notFound("Database schema '" + identifier + "' not found");
	}

	private Map<UUID, Long> countInstances(List<DbSchema> page) {
		var counts = new HashMap<UUID, Long>();
		if (!page.isEmpty()) {
			for (var count : this.instances.countBySchemaIds(page.stream().map(DbSchema::getId).toList())) {
				counts.put(count.getSchemaId(), count.getCount());
			}
		}
		return counts;
	}

}
