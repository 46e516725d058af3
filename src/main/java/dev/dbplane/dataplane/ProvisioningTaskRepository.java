package dev.dbplane.dataplane;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProvisioningTaskRepository extends JpaRepository<ProvisioningTask, Long> {

	/**
	 * The next task that is due and whose branch database has no earlier task still
	 * waiting, locked for this transaction; tasks other replicas hold are skipped, so
	 * each runs on one replica at a time. SQL, because the lock is the point: one
	 * statement that locks only the row it returns ({@code for update of t skip locked}
	 * with {@code limit 1}), which JPQL cannot write and a lock-mode hint would leave to
	 * Hibernate's rendering. Due is PostgreSQL's {@code now()}, the one clock every
	 * replica claiming tasks shares.
	 */
	@Query(nativeQuery = true, value = """
			select t.* from dataplane_task t
			where t.completed_at is null and t.next_attempt_at <= now()
			  and not exists (select 1 from dataplane_task e
			                  where e.completed_at is null and e.server = t.server
			                    and e.database_name = t.database_name and e.id < t.id and e.not_before <= now())
			order by t.id
			limit 1
			for update of t skip locked""")
	Optional<ProvisioningTask> claimNext();

	long countByCompletedAtIsNull();

	long countByCompletedAtIsNullAndLastErrorIsNotNull();

	Optional<ProvisioningTask> findFirstByCompletedAtIsNullAndLastErrorIsNotNullOrderByIdAsc();

	boolean existsBySubjectAndCompletedAtIsNull(String subject);

	boolean existsBySubjectAndCompletedAtIsNullAndIdNot(String subject, Long id);

	@Query("""
			select distinct t.username from ProvisioningTask t
			where t.server = :server and t.databaseName = :database and t.action = dev.dbplane.dataplane.TaskAction.CREATE_LOGIN""")
	List<String> loginsOf(@Param("server") ServerKind server, @Param("database") String database);

	@Query("""
			select t from ProvisioningTask t
			where t.server = :server and t.username = :username and t.completedAt is null
			  and t.action = dev.dbplane.dataplane.TaskAction.EXPIRE_LOGIN and t.notBefore > :now""")
	List<ProvisioningTask> pendingExpiries(@Param("server") ServerKind server, @Param("username") String username,
			@Param("now") Instant now);

	@Modifying
	@Query("delete from ProvisioningTask t where t.completedAt < :before")
	int deleteCompletedBefore(@Param("before") Instant before);

}
