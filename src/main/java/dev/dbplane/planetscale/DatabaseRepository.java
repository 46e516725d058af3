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
 * {@code planetscale_database}. Every method runs in its caller's transaction; the
 * create, the get and the list are SQL ({@link DatabaseRepositoryImpl} says why).
 */
interface DatabaseRepository extends JpaRepository<Database, String>, DatabaseRepositoryCustom {

	/**
	 * The database named, or else with the id, {@code name} of the organization with that
	 * id and name, managed, for a change: empty unless both match.
	 */
	@Query("""
			select d from Database d
			where d.organizationId = :organizationId
			    and (d.name = :name or d.id = :name and not exists (
			        select 1 from Database n where n.organizationId = d.organizationId and n.name = :name))
			    and exists (select 1 from Organization o where o.id = d.organizationId and o.name = :organizationName)""")
	Optional<Database> findToChange(@Param("organizationId") String organizationId,
			@Param("organizationName") String organizationName, @Param("name") String name);

	@Query("select d.id from Database d where d.organizationId = :organizationId and d.name = :name")
	Optional<String> findIdByOrganizationAndName(@Param("organizationId") String organizationId,
			@Param("name") String name);

	long countByOrganizationId(String organizationId);

	default long countByOrganization(String organizationId) {
		return countByOrganizationId(organizationId);
	}

	/**
	 * Deletes the database unless it is deletion protected at this very moment, so a
	 * PATCH turning protection on cannot lose a race against a delete.
	 */
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from Database d where d.id = :id and d.deletionProtected = false")
	int deleteUnlessProtected(@Param("id") String id);

	@Query("select d.deletionProtected from Database d where d.id = :id")
	Optional<Boolean> findDeletionProtectedById(@Param("id") String id);

	/**
	 * How many databases are stored in each state, and how many of them are due to be
	 * ready at {@code now}: one grouped select over every organization, for the metrics.
	 */
	@Query("""
			select new dev.dbplane.planetscale.DatabaseRepository$StateCount(d.state, count(d),
			    sum(case when d.readyAt <= :now then 1 else 0 end))
			from Database d group by d.state""")
	List<StateCount> countByState(@Param("now") Instant now);

	/**
	 * The databases stored in one state.
	 *
	 * @param databases how many
	 * @param due how many of them are ready by the moment asked about, if they are
	 * pending
	 */
	record StateCount(DatabaseState state, long databases, long due) {
	}

}
