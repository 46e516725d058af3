package dev.dbplane.planetscale;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BranchPasswordRepository
		extends JpaRepository<BranchPassword, String>, JpaSpecificationExecutor<BranchPassword> {

	Optional<BranchPassword> findByBranchIdAndId(String branchId, String id);

}
