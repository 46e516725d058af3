package dev.dbplane.harness;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DbSchemaRepository extends JpaRepository<DbSchema, UUID>, JpaSpecificationExecutor<DbSchema> {

	Optional<DbSchema> findByAccountIdAndOrgAndProjectAndIdentifier(String accountId, String org, String project,
			String identifier);

	@Modifying
	@Query("delete from DbSchema s where s.accountId = ?1 and s.org = ?2 and s.project = ?3 and s.identifier = ?4")
	int deleteByScope(String accountId, String org, String project, String identifier);

}
