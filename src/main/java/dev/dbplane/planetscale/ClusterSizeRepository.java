package dev.dbplane.planetscale;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterSizeRepository extends JpaRepository<ClusterSize, String> {

	List<ClusterSize> findByEngineOrderBySortOrderAscNameAsc(Engine engine);

}
