package dev.dbplane.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers the errors Tomcat raises before any servlet runs (an encoded {@code /} or NUL
 * in the path, bytes that are not UTF-8, a request line or headers over the size limit)
 * in the family's error shape instead of Tomcat's HTML page.
 */
class FamilyErrorReportValve extends ErrorReportValve {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var known = HttpStatus.resolve(status);
		var message = (known == null || known.is5xxServerError()) ? "internal error" : known.getReasonPhrase();
		var body = ErrorFamily.ofPath(request.getRequestURI()).body(ErrorFamily.codeOf(status), message);
		try {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was taken over; nothing left to report
			// to
		}
	}

	/**
	 * Replaces the HTML valve Boot and Tomcat put on the host; runs after Boot's own
	 * customizer, which adds that valve.
	 */
	@Component
	static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				var host = (StandardHost) context.getParent();
				for (var valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof FamilyErrorReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(FamilyErrorReportValve.class.getName());
				host.getPipeline().addValve(new FamilyErrorReportValve());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
