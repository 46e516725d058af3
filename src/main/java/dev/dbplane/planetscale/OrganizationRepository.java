package dev.dbplane.planetscale;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * {@code planetscale_organization}; its start-up upsert is SQL
 * ({@link OrganizationRepositoryImpl}).
 */
interface OrganizationRepository extends JpaRepository<Organization, String>, OrganizationRepositoryCustom {

	Optional<Organization> findByName(String name);

}
