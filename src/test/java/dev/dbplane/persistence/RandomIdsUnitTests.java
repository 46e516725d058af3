package dev.dbplane.persistence;

import java.util.HashSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsUnitTests {

	@Test
	void uuidsAreVersion4AndDistinct() {
		var ids = new HashSet<UUID>();
		for (int i = 0; i < 10_000; i++) {
			var id = RandomIds.uuid();
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

	@Test
	void base36IdsHaveTheLengthAndAlphabetAskedForAndUseAllOfIt() {
		var seen = new HashSet<Character>();
		var ids = new HashSet<String>();
		for (int i = 0; i < 10_000; i++) {
			var id = RandomIds.base36(12);
			assertThat(id).hasSize(12).matches("[0-9a-z]{12}");
			id.chars().forEach((c) -> seen.add((char) c));
			ids.add(id);
		}
		assertThat(seen).hasSize(36);
		assertThat(ids).hasSize(10_000);
	}

}
