package dev.dbplane.harness;

import java.util.List;

import dev.dbplane.security.HarnessPrincipal;
import dev.dbplane.web.ApiException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the caller's {@link HarnessAccount}: the account of the API key that
 * authenticated the request. A {@code Harness-Account} header naming another account is
 * refused (403); an absent or blank one is ignored (Terraform sends it empty when no
 * account is configured).
 */
@Configuration(proxyBeanMethods = false)
class HarnessAccountResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String HEADER = "Harness-Account";

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == HarnessAccount.class;
	}

	@Override
	public HarnessAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof HarnessPrincipal caller)) {
			throw new IllegalStateException("Harness endpoint reached without a Harness API key");
		}
		var header = webRequest.getHeader(HEADER);
		if (header != null && !header.isBlank() && !header.strip().equals(caller.accountId())) {
			throw ApiException.forbidden(HEADER + " names another account than the API key's");
		}
		return new HarnessAccount(caller.accountId());
	}

}
