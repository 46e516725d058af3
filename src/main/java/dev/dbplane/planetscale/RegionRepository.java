package dev.dbplane.planetscale;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionRepository extends JpaRepository<Region, String> {

	List<Region> findAllByOrderBySortOrderAscSlugAsc();

	Optional<Region> findBySlug(String slug);

}
