package dev.dbplane.web;

import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests run on virtual threads when the JVM has them (Java 21 and later), else on
 * Tomcat's pool of platform threads. Paired benchmark runs answered more creates and gets
 * per second this way, with less CPU per request (README, benchmark section); and no
 * thread pool can run dry while requests wait for PostgreSQL. The choice is made at
 * start-up, not when the jar is built, so a jar built on Java 17 with its bean
 * definitions generated ahead of time still uses virtual threads when it runs on 25
 * (Spring Boot's {@code spring.threads.virtual.enabled} is decided at build time in that
 * mode). {@code dbplane.server.virtual-threads=false} keeps the platform threads.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

	static final int FIRST_JAVA_WITH_VIRTUAL_THREADS = 21;

	@Bean
	TomcatProtocolHandlerCustomizer<ProtocolHandler> virtualRequestThreads(
			@Value("${dbplane.server.virtual-threads:true}") boolean virtual) {
		return (handler) -> {
			if (use(virtual, Runtime.version().feature(), handler)) {
				log.info("Requests run on virtual threads");
			}
		};
	}

	/**
	 * Gives {@code handler} an executor of virtual threads when they are wanted and the
	 * Java version has them.
	 * @return whether it did
	 */
	static boolean use(boolean wanted, int javaVersion, ProtocolHandler handler) {
		if (!wanted || javaVersion < FIRST_JAVA_WITH_VIRTUAL_THREADS) {
			return false;
		}
		handler.setExecutor(new VirtualThreadExecutor("tomcat-handler-"));
		return true;
	}

}
