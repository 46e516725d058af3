package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code planetscale_service_token}, with the credential statements that stay SQL
 * ({@link PlanetScaleServiceTokenRepositoryCustom} says why).
 */
interface PlanetScaleServiceTokenRepository
		extends JpaRepository<PlanetScaleServiceToken, String>, PlanetScaleServiceTokenRepositoryCustom {

	List<PlanetScaleServiceToken> findByOrganizationIdOrderByCreatedAtAscIdAsc(String organizationId);

	Optional<PlanetScaleServiceToken> findByOrganizationIdAndId(String organizationId, String id);

	/**
	 * Deletes a token of an organization, and its accesses by the foreign key's cascade.
	 */
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from PlanetScaleServiceToken t where t.organizationId = :organizationId and t.id = :id")
	int delete(@Param("organizationId") String organizationId, @Param("id") String id);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update PlanetScaleServiceToken t set t.updatedAt = :now where t.id = :id")
	int touch(@Param("id") String id, @Param("now") Instant now);

}
