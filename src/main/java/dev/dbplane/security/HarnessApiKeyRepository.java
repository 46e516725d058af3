package dev.dbplane.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** {@code harness_api_key}. */
interface HarnessApiKeyRepository extends JpaRepository<HarnessApiKey, String> {

	List<HarnessApiKey> findByAccountIdOrderByCreatedAtAscIdAsc(String accountId);

	/**
	 * Revokes a key of an account, in one statement so that a key revoked before keeps
	 * the time it was first revoked, however many revokes race; how many keys it revoked
	 * or found revoked.
	 */
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update HarnessApiKey k set k.revokedAt = coalesce(k.revokedAt, :now)
			where k.id = :id and k.accountId = :accountId""")
	int revoke(@Param("accountId") String accountId, @Param("id") String id, @Param("now") Instant now);

}
