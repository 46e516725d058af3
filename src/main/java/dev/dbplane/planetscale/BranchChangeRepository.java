package dev.dbplane.planetscale;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BranchChangeRepository extends JpaRepository<BranchChange, String>, JpaSpecificationExecutor<BranchChange> {

	Optional<BranchChange> findByIdAndBranchIdAndKind(String id, String branchId, BranchChange.Kind kind);

}
