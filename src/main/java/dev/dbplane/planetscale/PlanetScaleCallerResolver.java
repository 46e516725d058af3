package dev.dbplane.planetscale;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the caller's {@link PlanetScalePrincipal}: who the request's service
 * token or Bearer token is, as security authenticated it. The services take it as an
 * argument, so whoever calls them (demo data too) says explicitly as whom.
 */
@Configuration(proxyBeanMethods = false)
class PlanetScaleCallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PlanetScalePrincipal.class;
	}

	@Override
	public PlanetScalePrincipal resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PlanetScalePrincipal caller)) {
			throw new IllegalStateException("PlanetScale endpoint reached without a PlanetScale credential");
		}
		return caller;
	}

}
