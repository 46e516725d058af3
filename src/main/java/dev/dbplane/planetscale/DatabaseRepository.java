package dev.dbplane.planetscale;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DatabaseRepository extends JpaRepository<Database, String>, JpaSpecificationExecutor<Database> {

	Optional<Database> findByOrganizationAndName(Organization organization, String name);

	long countByOrganization(Organization organization);

	/**
	 * Deletes the database unless it is deletion protected at this very moment, so a
	 * PATCH turning protection on cannot lose a race against a delete.
	 */
	@Modifying
	@Query("delete from Database d where d.id = :id and d.deletionProtected = false")
	int deleteUnlessProtected(String id);

	@Query("select d.deletionProtected from Database d where d.id = :id")
	Optional<Boolean> findDeletionProtectedById(String id);

	@Query("select d.organization.id as organizationId, count(d) as count from Database d "
			+ "where d.organization.id in :organizationIds group by d.organization.id")
	List<DatabaseCount> countByOrganizationIds(Collection<String> organizationIds);

	interface DatabaseCount {

		String getOrganizationId();

		long getCount();

	}

}
