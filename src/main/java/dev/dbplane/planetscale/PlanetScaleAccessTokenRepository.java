package dev.dbplane.planetscale;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * {@code planetscale_access_token}; a declared one and the Bearer check are SQL
 * ({@link PlanetScaleServiceTokenRepositoryCustom} says why).
 */
interface PlanetScaleAccessTokenRepository extends JpaRepository<PlanetScaleAccessToken, String> {

}
