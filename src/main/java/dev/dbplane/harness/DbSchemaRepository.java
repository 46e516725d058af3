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
 * {@code harness_schema}. Every method runs in its caller's transaction. A schema read
 * counts its instances in the same statement ({@link DbSchema#getInstanceCount()}).
 */
interface DbSchemaRepository extends JpaRepository<DbSchema, UUID>, JpaSpecificationExecutor<DbSchema> {

	Optional<DbSchema> findByAccountIdAndOrgAndProjectAndIdentifier(String accountId, String org, String project,
			String identifier);

	default Optional<DbSchema> find(SchemaKey key) {
		return findByAccountIdAndOrgAndProjectAndIdentifier(key.accountId(), key.org(), key.project(),
				key.identifier());
	}

	/**
	 * Deletes a schema, and its instances by the foreign key's cascade; whether there was
	 * one.
	 */
	default boolean delete(SchemaKey key) {
		return delete(key.accountId(), key.org(), key.project(), key.identifier()) > 0;
	}

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from DbSchema s
			where s.accountId = :accountId and s.org = :org and s.project = :project and s.identifier = :identifier""")
	int delete(@Param("accountId") String accountId, @Param("org") String org, @Param("project") String project,
			@Param("identifier") String identifier);

	/**
	 * A project's schemas, optionally of one migration type and matching {@code query}'s
	 * search term.
	 */
	static Specification<DbSchema> matching(String accountId, String org, String project, MigrationType migrationType,
			ListQuery query) {
		return (root, select, cb) -> {
			var conditions = new ArrayList<Predicate>();
			conditions.add(cb.equal(root.get("accountId"), accountId));
			conditions.add(cb.equal(root.get("org"), org));
			conditions.add(cb.equal(root.get("project"), project));
			if (migrationType != null) {
				conditions.add(cb.equal(root.get("migrationType"), migrationType));
			}
			var searched = query.searched(root, cb);
			if (searched != null) {
				conditions.add(searched);
			}
			return cb.and(conditions.toArray(Predicate[]::new));
		};
	}

}
