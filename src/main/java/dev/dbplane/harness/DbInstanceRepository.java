package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code harness_instance}. Every method runs in its caller's transaction; the create and
 * the get are SQL ({@link DbInstanceRepositoryImpl} says why).
 */
interface DbInstanceRepository
		extends JpaRepository<DbInstance, UUID>, JpaSpecificationExecutor<DbInstance>, DbInstanceRepositoryCustom {

	Optional<DbInstance> findBySchemaIdAndIdentifier(UUID schemaId, String identifier);

	/**
	 * Deletes an instance; whether there was one in the schema {@code schema} addresses.
	 */
	default boolean delete(SchemaKey schema, String identifier) {
		return delete(schema.accountId(), schema.org(), schema.project(), schema.identifier(), identifier) > 0;
	}

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from DbInstance i
			where i.identifier = :identifier and i.schemaId in (select s.id from DbSchema s
			    where s.accountId = :accountId and s.org = :org and s.project = :project
			        and s.identifier = :schemaIdentifier)""")
	int delete(@Param("accountId") String accountId, @Param("org") String org, @Param("project") String project,
			@Param("schemaIdentifier") String schemaIdentifier, @Param("identifier") String identifier);

	/**
	 * The instances of a schema that match {@code query}'s search term and
	 * {@code filter}'s tags.
	 */
	static Specification<DbInstance> matching(UUID schemaId, ListQuery query, InstanceFilter filter) {
		return (root, select, cb) -> {
			var conditions = new ArrayList<Predicate>();
			conditions.add(cb.equal(root.get("schemaId"), schemaId));
			var searched = query.searched(root, cb);
			if (searched != null) {
				conditions.add(searched);
			}
			if (!filter.tags().isEmpty()) {
				var tags = new ArrayList<Predicate>();
				for (var tag : filter.tags()) {
					var value = cb.function("jsonb_extract_path_text", String.class, root.get("tags"),
							cb.literal(tag.key()));
					// never null (as = would be, for an instance without the key), so
					// that
					// NotEquals keeps the instances that lack the key
					tags.add((tag.value() == null) ? cb.isNotNull(value)
							: cb.and(cb.isNotNull(value), cb.equal(value, tag.value())));
				}
				var all = cb.and(tags.toArray(Predicate[]::new));
				conditions.add(filter.negated() ? cb.not(all) : all);
			}
			return cb.and(conditions.toArray(Predicate[]::new));
		};
	}

}
