package dev.dbplane.harness;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows Harness operations as their clients call them: the account travels in the
 * {@code Harness-Account} header, not as a parameter of its own.
 */
@Configuration(proxyBeanMethods = false)
class HarnessOpenApi {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(HarnessAccount.class);
	}

	@Bean
	OperationCustomizer harnessAccountHeader() {
		return (operation, handlerMethod) -> {
			if (handlerMethod.getBeanType().getPackage() == HarnessOpenApi.class.getPackage()) {
				operation.addParametersItem(new HeaderParameter().name(HarnessAccountResolver.HEADER)
					.description("Optional; when given it must name the API key's account")
					.required(false)
					.schema(new StringSchema()));
			}
			return operation;
		};
	}

}
