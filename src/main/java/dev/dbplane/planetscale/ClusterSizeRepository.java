package dev.dbplane.planetscale;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * {@code planetscale_cluster_size}; its start-up upsert is SQL
 * ({@link ClusterSizeRepositoryImpl}). {@link ClusterSizes} keeps what it reads in
 * memory.
 */
interface ClusterSizeRepository extends JpaRepository<ClusterSize, String>, ClusterSizeRepositoryCustom {

	List<ClusterSize> findByEngineOrderBySortOrderAscNameAsc(Engine engine);

	List<ClusterSize> findAllByOrderBySortOrderAscNameAsc();

}
