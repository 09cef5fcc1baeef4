# Spine Pathway: build the WAR with Maven, run it on the official Payara Micro image of the
# same Payara version as the build and tests use (pom.xml, payara.version).
#
#   docker build -t spine-pathway .
#   docker run -p 8080:8080 -e CLINIC_DB_URL=jdbc:postgresql://db.example:5432/spine_pathway \
#     -e CLINIC_DB_USER=spine_pathway -e CLINIC_DB_PASSWORD=... \
#     -e CLINIC_BOOTSTRAP_ADMIN_PASSWORD=... spine-pathway

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=payara-micro
COPY db db
COPY src src
# Tests run in CI (./mvnw verify); the image only needs the WAR, not the Payara Micro jar.
RUN mvn -B -q package -Dmaven.test.skip=true -Dmdep.skip=true

FROM payara/micro:6.2025.10-jdk17
COPY --from=build /build/target/spine-pathway.war ${DEPLOY_DIR}/ROOT.war
COPY config/production.properties /opt/payara/config/production.properties
COPY config/payara-pre-boot.asadmin /opt/payara/config/payara-pre-boot.asadmin
ENV CLINIC_CONFIG_FILE=/opt/payara/config/production.properties
# Fewer glibc malloc arenas keep resident memory near the heap bound; G1 with a 50 ms pause goal
# (the throughput collector stopped the server for 450 ms at each full collection under load) and
# smaller thread stacks and code cache, as in the benchmark (see README, "Performance"). The image
# sizes the heap from the container's memory limit.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-XX:+UseG1GC -XX:MaxGCPauseMillis=50 -Xss512k -XX:ReservedCodeCacheSize=96m"
# Orchestrators probe /health/ready (503 until the database answers and the schema is migrated).
EXPOSE 8080
# 48 request threads: more buy nothing on a couple of cores and cost memory under overload. No data
# grid (Hazelcast, port 6900): instances coordinate through PostgreSQL; /metrics for administrators.
CMD ["--deploymentDir", "/opt/payara/deployments", "--nohazelcast", "--prebootcommandfile", "/opt/payara/config/payara-pre-boot.asadmin", "--maxHttpThreads", "48"]
