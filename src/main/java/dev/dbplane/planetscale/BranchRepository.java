package dev.dbplane.planetscale;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BranchRepository
		extends JpaRepository<Branch, String>, JpaSpecificationExecutor<Branch>, BranchRepositoryCustom {

	Optional<Branch> findByDatabaseIdAndName(String databaseId, String name);

	Optional<Branch> findByDatabaseIdAndId(String databaseId, String id);

	long countByDatabaseId(String databaseId);

	List<Branch> findByDatabaseIdAndParentBranch(String databaseId, String parentBranch);

}
