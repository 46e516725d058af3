package dev.dbplane.web;

import dev.dbplane.IntegrationTest;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationConfigurationIntegrationTests extends IntegrationTest {

	@Autowired
	private ValidatorFactory validatorFactory;

	@Test
	void theValidatorNeverAsksJpaWhetherAPropertyIsLoaded() {
		assertThat(this.validatorFactory.getTraversableResolver())
			.isInstanceOf(ValidationConfiguration.EveryPropertyReachable.class);
	}

}
