# Build: docker build -t dbplane .   (no Docker engine runs on the development machines; see README)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true \
 && java -Djarmode=tools -jar target/dbplane-*.jar extract --destination /app

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 dbplane
WORKDIR /app
COPY --from=build /app /app
USER dbplane
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 || exit 1
ENTRYPOINT ["java", "-jar", "/app/dbplane-0.1.0-SNAPSHOT.jar"]
