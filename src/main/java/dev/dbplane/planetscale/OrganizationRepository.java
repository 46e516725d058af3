package dev.dbplane.planetscale;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, String> {

	Optional<Organization> findByName(String name);

}
