package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BranchRepository
		extends JpaRepository<Branch, String>, JpaSpecificationExecutor<Branch>, BranchRepositoryCustom {

	Optional<Branch> findByDatabaseIdAndName(String databaseId, String name);

	Optional<Branch> findByDatabaseIdAndId(String databaseId, String id);

	long countByDatabaseId(String databaseId);

	List<Branch> findByDatabaseIdAndParentBranch(String databaseId, String parentBranch);

	List<Branch> findByDatabaseId(String databaseId);

	/** Branches whose data-plane work is still to be asked for, oldest first. */
	@Query("select b.id from Branch b where b.provisioning = :waiting and b.createdAt < :before order by b.createdAt")
	List<String> findIdsWaitingSince(@Param("before") Instant before, Limit limit,
			@Param("waiting") Branch.Provisioning waiting);

	default List<String> findIdsWaitingSince(Instant before, Limit limit) {
		return findIdsWaitingSince(before, limit, Branch.Provisioning.WAITING);
	}

	/**
	 * Records the branch's data-plane work done: it is ready from now on, or from its
	 * {@code readyAt} when that is later. The version stays, so a request holding the
	 * branch meanwhile (a PATCH) does not conflict; {@link Branch} writes only the
	 * columns it changed, so such a request never writes the old provisioning back.
	 */
	@Modifying
	@Query("""
			update Branch b set b.provisioning = null, b.readyAt = greatest(b.readyAt, :now)
			where b.id = :id and b.provisioning = :requested""")
	int provisioned(@Param("id") String id, @Param("now") Instant now,
			@Param("requested") Branch.Provisioning requested);

	default int provisioned(String id, Instant now) {
		return provisioned(id, now, Branch.Provisioning.REQUESTED);
	}

}
