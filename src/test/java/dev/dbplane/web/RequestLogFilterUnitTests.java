package dev.dbplane.web;

import java.util.HashSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogFilterUnitTests {

	@Test
	void whenARequestBringsNoIdThenItGetsARandomVersion4Uuid() {
		var ids = new HashSet<String>();
		for (int i = 0; i < 1000; i++) {
			var id = RequestLogFilter.newRequestId();
			var uuid = UUID.fromString(id);
			assertThat(uuid.toString()).isEqualTo(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

}
