package dev.dbplane.harness;

import java.util.List;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.Constraints;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instances of a schema: uniqueness within the schema, the revision rule and PUT merge.
 */
@Service
class InstanceService {

	private final SchemaService schemas;

	private final DbInstanceRepository instances;

	InstanceService(SchemaService schemas, DbInstanceRepository instances) {
		this.schemas = schemas;
		this.instances = instances;
	}

	@Transactional
	InstanceResponse create(HarnessAccount account, String org, String project, String schemaIdentifier,
			InstanceCreateRequest request) {
		var schema = this.schemas.find(account, org, project, schemaIdentifier);
		var instance = new DbInstance(schema, request.identifier(), request.name(), request.tags(), request.connector(),
				request.revision(), request.context(), request.substituteProperties());
		try {
			this.instances.saveAndFlush(instance);
		}
		catch (DataIntegrityViolationException ex) {
			if (Constraints.violated(ex, "harness_instance_identifier_unique")) {
				throw ApiException.duplicate("Database instance with identifier '" + request.identifier()
						+ "' already exists in schema '" + schemaIdentifier + "'");
			}
			if (Constraints.violated(ex, "harness_instance_schema_id_fkey")) {
				throw ApiException.notFound("Database schema '" + schemaIdentifier + "' not found");
			}
			throw ex;
		}
		return InstanceResponse.from(instance, schemaIdentifier);
	}

	@Transactional(readOnly = true)
	InstanceResponse get(HarnessAccount account, String org, String project, String schemaIdentifier,
			String identifier) {
		var schema = this.schemas.find(account, org, project, schemaIdentifier);
		return InstanceResponse.from(find(schema, identifier), schemaIdentifier);
	}

	@Transactional(readOnly = true)
	Page<InstanceResponse> list(HarnessAccount account, String org, String project, String schemaIdentifier,
			ListQuery query, InstanceFilter filter) {
		var schema = this.schemas.find(account, org, project, schemaIdentifier);
		Specification<DbInstance> spec = (root, q, cb) -> cb.equal(root.get("schemaId"), schema.getId());
		var pattern = query.likePattern();
		if (pattern != null) {
			spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
					cb.like(cb.lower(root.get("identifier")), pattern, '\\')));
		}
		if (!filter.tags().isEmpty()) {
			spec = spec.and((root, q, cb) -> {
				var matches = cb
					.and(filter.tags().stream().map((tag) -> hasTag(root, cb, tag)).toArray(Predicate[]::new));
				return filter.negated() ? cb.not(matches) : matches;
			});
		}
		var pageRequest = query.pageRequest();
		if (pageRequest == null) {
			return new Page<>(List.of(), this.instances.count(spec), query.pageNumber(), 0);
		}
		var page = this.instances.findAll(spec, pageRequest);
		var items = page.getContent()
			.stream()
			.map((instance) -> InstanceResponse.from(instance, schemaIdentifier))
			.toList();
		return new Page<>(items, page.getTotalElements(), query.pageNumber(), query.pageSize());
	}

	private static Predicate hasTag(Root<DbInstance> root, CriteriaBuilder cb, InstanceFilter.Tag tag) {
		var value = cb.function("jsonb_extract_path_text", String.class, root.get("tags"), cb.literal(tag.key()));
		return (tag.value() == null) ? cb.isNotNull(value) : cb.equal(value, tag.value());
	}

	@Transactional
	InstanceResponse update(HarnessAccount account, String org, String project, String schemaIdentifier,
			String identifier, InstanceUpdateRequest request) {
		var schema = this.schemas.find(account, org, project, schemaIdentifier);
		var instance = find(schema, identifier);
		if (request.identifier() != null && !request.identifier().equals(instance.getIdentifier())) {
			throw ApiException.invalid("identifier: cannot be changed (stored: " + instance.getIdentifier() + ")");
		}
		instance.update(schema, request.name(), request.tags(), request.connector(), request.revision(),
				request.context(), request.version(), request.substituteProperties());
		this.instances.saveAndFlush(instance);
		return InstanceResponse.from(instance, schemaIdentifier);
	}

	@Transactional
	void delete(HarnessAccount account, String org, String project, String schemaIdentifier, String identifier) {
		var schema = this.schemas.find(account, org, project, schemaIdentifier);
		if (this.instances.deleteBySchemaIdAndIdentifier(schema.getId(), identifier) == 0) {
			throw notFound(identifier);
		}
	}

	private DbInstance find(DbSchema schema, String identifier) {
		return this.instances.findBySchemaIdAndIdentifier(schema.getId(), identifier)
			.orElseThrow(() -> notFound(identifier));
	}

	private static ApiException notFound(String identifier) {
		return ApiException.notFound("Database instance '" + identifier + "' not found");
	}

}
