package dev.dbplane.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request: method, path template (never the raw path, which may carry
 * names), status, duration, the caller's account or organization and a request id. The id
 * is taken from the caller's {@code X-Request-Id} when it is sane, returned in the
 * response, and put in the MDC so that every line logged for the request carries it.
 * Headers and bodies are never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** Set by authentication: {@code account:<id>} or {@code organization:<name>}. */
	public static final String CALLER_ATTRIBUTE = RequestLogFilter.class.getName() + ".caller";

	private static final Pattern SANE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

	private static final Logger log = LoggerFactory.getLogger("dbplane.requests");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var given = request.getHeader(REQUEST_ID_HEADER);
		var requestId = (given != null && SANE_ID.matcher(given).matches()) ? given : newRequestId();
		response.setHeader(REQUEST_ID_HEADER, requestId);
		MDC.put("requestId", requestId);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (log.isInfoEnabled()) {
				var template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				var caller = request.getAttribute(CALLER_ATTRIBUTE);
				log.info("{} {} {} {}ms caller={} requestId={}", request.getMethod(),
						(template != null) ? template : "(unmatched)", response.getStatus(),
						(System.nanoTime() - start) / 1_000_000, (caller != null) ? caller : "-", requestId);
			}
			MDC.remove("requestId");
		}
	}

	/**
	 * A random (version 4) UUID drawn from the request thread's own generator. A request
	 * id must be unique, not unguessable; {@code UUID.randomUUID()} draws from the one
	 * {@code SecureRandom} of the JVM, behind locks every request queued for: on Java
	 * 17's platform threads, with dozens of requests in flight on two cores, the
	 * contended locks cost most of a request's CPU.
	 */
	static String newRequestId() {
		var random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
		return new UUID(high, low).toString();
	}

}
