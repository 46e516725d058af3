package dev.dbplane.harness;

import java.util.List;
import java.util.regex.Pattern;

import dev.dbplane.web.ApiException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the caller's {@link HarnessAccount}. Until API keys carry the
 * account, it is the {@code Harness-Account} header, or {@code default} when the header
 * is absent or blank (Terraform sends it empty when no account is configured).
 */
@Configuration(proxyBeanMethods = false)
class HarnessAccountResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String HEADER = "Harness-Account";

	private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

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
		var header = webRequest.getHeader(HEADER);
		if (header == null || header.isBlank()) {
			return new HarnessAccount(HarnessAccount.DEFAULT);
		}
		var account = header.strip();
		if (!VALID.matcher(account).matches()) {
			throw ApiException.invalid(HEADER + ": must match ^[A-Za-z0-9_-]{1,128}$");
		}
		return new HarnessAccount(account);
	}

}
