package dev.dbplane.harness;

import java.time.Instant;
import java.util.Map;

import dev.dbplane.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DbInstanceUnitTests {

	private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");

	private static final Revision NONE = new Revision(null, null, null);

	@Test
	void whenARevisionIsSetThenTheOtherTwoAreCleared() {
		var instance = new DbInstance("i", "I", null, "pg", new Revision("main", null, null), null, null, NOW);

		instance.update(SchemaType.Repository, null, null, null, new Revision(null, null, "v1"), null, null, null, NOW);

		assertThat(instance.getBranch()).isNull();
		assertThat(instance.getCommitSha()).isNull();
		assertThat(instance.getGitTag()).isEqualTo("v1");
	}

	@Test
	void whenAnUpdateNamesNoRevisionThenTheStoredOneStays() {
		var instance = new DbInstance("i", "I", null, "pg", new Revision(null, "abc", null), null, null, NOW);

		instance.update(SchemaType.Repository, "Renamed", Map.of("k", "v"), null, NONE, null, null, null,
				NOW.plusSeconds(60));

		assertThat(instance.getCommitSha()).isEqualTo("abc");
		assertThat(instance.getName()).isEqualTo("Renamed");
		assertThat(instance.getTags()).containsExactlyEntriesOf(Map.of("k", "v"));
		assertThat(instance.getConnector()).isEqualTo("pg");
		assertThat(instance.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void whenARepositorySchemasInstanceLosesItsRevisionThenTheUpdateIsRefused() {
		var instance = new DbInstance("i", "I", null, "pg", new Revision("main", null, null), null, null, NOW);

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> instance.update(SchemaType.Repository, null, null, null, new Revision("", null, null),
					null, null, null, NOW))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiException.Kind.INVALID))
			.withMessageStartingWith("branch:");
	}

	@Test
	void whenAScriptSchemasInstanceHasNoRevisionThenThatIsAllowed() {
		var instance = new DbInstance("i", "I", null, "pg", NONE, null, null, NOW);

		instance.requireRevisionUnder(SchemaType.Script);

		assertThat(instance.hasRevision()).isFalse();
	}

	@Test
	void whenANewInstanceIsCreatedThenItIsToOnboardAndNotYetStored() {
		var instance = new DbInstance("i", "I", null, "pg", NONE, null, null, NOW);

		assertThat(instance.isToOnboard()).isTrue();
		assertThat(instance.getLastDeployedChangeSetTag()).isEmpty();
		assertThat(instance.getTags()).isEmpty();
		assertThat(instance.getVersion()).isNull();
		assertThat(instance.getCreatedAt()).isEqualTo(NOW);
		assertThat(instance.getUpdatedAt()).isEqualTo(NOW);
	}

	@Test
	void whenAnInstanceIsPlacedInASecondSchemaThenThatIsRefused() {
		var instance = new DbInstance("i", "I", null, "pg", NONE, null, null, NOW);
		instance.storedIn(java.util.UUID.randomUUID());

		assertThatIllegalStateException().isThrownBy(() -> instance.storedIn(java.util.UUID.randomUUID()));
	}

}
