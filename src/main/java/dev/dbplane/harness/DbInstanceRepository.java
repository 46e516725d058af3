package dev.dbplane.harness;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from DbInstance i
			where i.identifier = :identifier and i.schemaId in (select s.id from DbSchema s
			    where s.accountId = :accountId and s.org = :org and s.project = :project
			        and s.identifier = :schemaIdentifier)""")
	int delete(@Param("accountId") String accountId, @Param("org") String org, @Param("project") String project,
			@Param("schemaIdentifier") String schemaIdentifier, @Param("identifier") String identifier);

}
