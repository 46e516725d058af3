# docker build -t dbplane .  (no Docker engine runs on the machines dbplane is developed on; the
# compose file and this image's environment are checked by ComposeEnvironmentIntegrationTests)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/dbplane.jar extract --destination /app
# The image always runs against a PostgreSQL server (see docker-compose.yml); the jar carries no
# embedded PostgreSQL binaries anyway (the embedded default reads them from the local Maven
# repository, which this stage leaves behind).

FROM eclipse-temurin:21-jre
RUN groupadd --system dbplane && useradd --system --gid dbplane --uid 10001 --no-create-home dbplane
WORKDIR /app
COPY --from=build --chown=root:root /app /app
USER 10001
EXPOSE 8080 5433
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
# The bean definitions generated at build time (README: fast start-up; CI runs the jar this way).
ENTRYPOINT ["java", "-Dspring.aot.enabled=true", "-jar", "/app/dbplane.jar"]
