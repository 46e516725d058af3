package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code planetscale_service_token_access}; a grant is SQL
 * ({@link PlanetScaleServiceTokenRepositoryCustom#grantUnlessHeld}).
 */
interface PlanetScaleServiceTokenAccessRepository extends JpaRepository<PlanetScaleServiceTokenAccess, String> {

	List<PlanetScaleServiceTokenAccess> findByTokenIdOrderByCreatedAtAscAccessAscIdAsc(String tokenId);

	@Query("select a.access from PlanetScaleServiceTokenAccess a where a.tokenId = :tokenId and a.databaseId = :databaseId")
	Set<String> findAccessesOn(@Param("tokenId") String tokenId, @Param("databaseId") String databaseId);

	@Query("select a.access from PlanetScaleServiceTokenAccess a where a.tokenId = :tokenId and a.databaseId is null")
	List<String> findOrganizationWide(@Param("tokenId") String tokenId);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from PlanetScaleServiceTokenAccess a
			where a.tokenId = :tokenId and a.access = :access and a.databaseId is null""")
	int revokeOrganizationWide(@Param("tokenId") String tokenId, @Param("access") String access);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			delete from PlanetScaleServiceTokenAccess a
			where a.tokenId = :tokenId and a.access = :access and a.databaseId = :databaseId""")
	int revokeOn(@Param("tokenId") String tokenId, @Param("access") String access,
			@Param("databaseId") String databaseId);

}
