package dev.dbplane.planetscale;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BranchRoleRepository extends JpaRepository<BranchRole, String>, JpaSpecificationExecutor<BranchRole> {

	Optional<BranchRole> findByBranchIdAndId(String branchId, String id);

	Optional<BranchRole> findByBranchIdAndDefaultRoleTrue(String branchId);

	Optional<BranchRole> findByBranchIdAndUsername(String branchId, String username);

}
