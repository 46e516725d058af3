package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dbplane.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BranchUnitTests {

	private static final Instant CREATED = Instant.parse("2026-11-22T10:19:23.000Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	@Test
	void whenADevelopmentBranchIsPromotedThenItIsAProductionBranchChangedThen() {
		var branch = branch();

		branch.promote(LATER);

		assertThat(branch.isProduction()).isTrue();
		assertThat(branch.updatedAtAsOf(LATER)).isEqualTo(LATER);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> branch.promote(LATER))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiException.Kind.INVALID))
			.withMessage("Branch dev is already a production branch");
	}

	@Test
	void whenADevelopmentBranchIsDemotedThenItIsRefusedAndUnchanged() {
		var branch = branch();

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> branch.demote(LATER))
			.withMessage("Branch dev is not a production branch");
		assertThat(branch.isProduction()).isFalse();
		assertThat(branch.updatedAtAsOf(CREATED)).isEqualTo(CREATED);
		branch.promote(LATER);
		branch.demote(LATER);
		assertThat(branch.isProduction()).isFalse();
	}

	@Test
	void whenAChangeRequestNamesParametersThenTheyAreSetOverTheStoredOnes() {
		var branch = branch();
		branch.changeCluster(null, Map.of("pgconf", Map.of("max_connections", "200", "work_mem", "4MB")), CREATED);

		var changed = branch.upsertCluster(null, 2, Map.of("pgconf", Map.of("work_mem", "8MB")), LATER);

		assertThat(changed).isTrue();
		assertThat(branch.getReplicas()).isEqualTo(2);
		assertThat(branch.getParameters())
			.isEqualTo(Map.of("pgconf", Map.of("max_connections", "200", "work_mem", "8MB")));
		assertThat(branch.upsertCluster("PS_5_AWS_X86", 2, Map.of("pgconf", Map.of("work_mem", "8MB")), LATER))
			.isFalse();
	}

	private static Branch branch() {
		var region = new Region("m61siwstb3x6", "us-east", "AWS", "AWS us-east-1", "N. Virginia", List.of(), true, true,
				true, 10);
		var size = new ClusterSize("PS_5_AWS_X86", Engine.POSTGRESQL, "PS-5", "1/16", 512L, null, false, "AWS", null,
				"x86_64", null, null, null, null, 1, true, false, true);
		return new Branch("database0001", "dev", "main", region, size, "17", 0, false, false, null, CREATED,
				Duration.ZERO, false);
	}

}
