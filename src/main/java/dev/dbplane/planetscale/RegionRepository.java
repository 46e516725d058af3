package dev.dbplane.planetscale;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * {@code planetscale_region}; its start-up upsert is SQL ({@link RegionRepositoryImpl}).
 * {@link Regions} keeps what it reads in memory.
 */
interface RegionRepository extends JpaRepository<Region, String>, RegionRepositoryCustom {

	List<Region> findAllByOrderBySortOrderAscSlugAsc();

	Optional<Region> findBySlug(String slug);

}
