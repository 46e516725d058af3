package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an operator changes in the catalogue the V2 migration ships. Disabled entries stay
 * listed with {@code "enabled": false} and cannot be chosen for new databases; added
 * entries are written to the catalogue tables at start-up (and stay there).
 *
 * @param disabledRegions slugs of regions no new database may use
 * @param disabledClusterSizes cluster sizes no new database may use ({@code PS-10} or
 * {@code PS_10})
 * @param regions regions to add (or to replace, by slug)
 * @param clusterSizes cluster sizes to add (or to replace, by name)
 * @param postgresqlMajorVersions PostgreSQL major versions a database may ask for; the
 * last one is the default
 */
@Validated
@ConfigurationProperties("dbplane.planetscale.catalogue")
record CatalogueProperties(@DefaultValue Set<String> disabledRegions, @DefaultValue Set<String> disabledClusterSizes,
		@DefaultValue List<@Valid RegionConfig> regions, @DefaultValue List<@Valid ClusterSizeConfig> clusterSizes,
		@DefaultValue( {
				"17", "18" }) @NotEmpty List<@Pattern(regexp = "^[0-9]{1,3}$") String> postgresqlMajorVersions){

	/**
	 * A region to add.
	 *
	 * @param slug what clients send as {@code region}
	 * @param provider {@code AWS}, {@code GCP}...: PostgreSQL cluster sizes of a provider
	 * are offered only in its regions
	 * @param displayName shown name
	 * @param location city or area
	 * @param mysql whether MySQL databases may be created there
	 * @param postgresql whether PostgreSQL databases may be created there
	 * @param publicIpAddresses reported public addresses
	 * @param sortOrder position in region lists (the shipped regions use 10 to 150)
	 */
	record RegionConfig(@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$") String slug,
			@DefaultValue("AWS") @NotBlank String provider, String displayName, @DefaultValue("") String location,
			@DefaultValue("true") boolean mysql, @DefaultValue("true") boolean postgresql,
			@DefaultValue List<String> publicIpAddresses, @DefaultValue("1000") int sortOrder) {

		String effectiveDisplayName() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.slug;
		}

	}

	/**
	 * A cluster size to add.
	 *
	 * @param name what clients send as {@code cluster_size}
	 * @param engine {@code mysql} or {@code postgresql}
	 * @param displayName shown name; the name with dashes when unset
	 * @param cpu number of CPUs, as PlanetScale writes it ({@code 1/8}, {@code 2})
	 * @param ram memory
	 * @param storage included storage, if any
	 * @param provider {@code aws} or {@code gcp} to offer it only in that provider's
	 * regions; unset for every region
	 * @param architecture {@code x86_64}, {@code arm64} or unset
	 * @param rate monthly price in whole dollars
	 * @param replicaRate monthly price of a replica in whole dollars
	 * @param sortOrder position in the list
	 * @param development whether it is a development size
	 */
	record ClusterSizeConfig(@NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_]{0,63}$") String name,
			@DefaultValue("mysql") @NotNull @Pattern(regexp = "^(mysql|postgresql)$") String engine, String displayName,
			@NotBlank String cpu, @NotNull DataSize ram, DataSize storage, String provider, String architecture,
			@PositiveOrZero Integer rate, @PositiveOrZero Integer replicaRate, @DefaultValue("10000") int sortOrder,
			@DefaultValue("false") boolean development) {

		String effectiveDisplayName() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName
					: this.name.replace('_', '-');
		}

	}

}
