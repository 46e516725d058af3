package dev.dbplane.harness;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DbInstanceRepository extends JpaRepository<DbInstance, UUID>, JpaSpecificationExecutor<DbInstance> {

	Optional<DbInstance> findBySchemaIdAndIdentifier(UUID schemaId, String identifier);

	long countBySchemaId(UUID schemaId);

	@Query("select i.schemaId as schemaId, count(i) as count from DbInstance i where i.schemaId in ?1 group by i.schemaId")
	List<InstanceCount> countBySchemaIds(Collection<UUID> schemaIds);

	@Modifying
	@Query("delete from DbInstance i where i.schemaId = ?1 and i.identifier = ?2")
	int deleteBySchemaIdAndIdentifier(UUID schemaId, String identifier);

	interface InstanceCount {

		UUID getSchemaId();

		long getCount();

	}

}
