package dev.dbplane.planetscale;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DatabaseRepository extends JpaRepository<Database, String>, JpaSpecificationExecutor<Database> {

	Optional<Database> findByOrganizationAndName(Organization organization, String name);

	long countByOrganization(Organization organization);

	@Query("select d.organization.id as organizationId, count(d) as count from Database d "
			+ "where d.organization.id in :organizationIds group by d.organization.id")
	List<DatabaseCount> countByOrganizationIds(Collection<String> organizationIds);

	interface DatabaseCount {

		String getOrganizationId();

		long getCount();

	}

}
