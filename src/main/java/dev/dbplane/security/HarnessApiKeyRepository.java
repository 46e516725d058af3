package dev.dbplane.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HarnessApiKeyRepository extends JpaRepository<HarnessApiKey, String> {

	List<HarnessApiKey> findByAccountIdOrderByCreatedAtAsc(String accountId);

	boolean existsByAccountId(String accountId);

	@Modifying
	@Query(value = "insert into account (id) values (?1) on conflict do nothing", nativeQuery = true)
	int ensureAccount(String accountId);

	@Query(value = "select exists (select 1 from account where id = ?1)", nativeQuery = true)
	boolean accountExists(String accountId);

}
