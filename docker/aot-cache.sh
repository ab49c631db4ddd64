#!/usr/bin/env bash
# Trains the JVM's AOT cache (JEP 483/514/515, Java 25) of the extracted application in APP_DIR and writes
# APP_DIR/app.aot. One training run on a real workload (docker/workload.sh): the application starts (default profile
# on an in-memory H2 database, the built-in demo mailbox as SMTP server, demo staff), organizations register over HTTP
# and go through their whole lifecycle, a seller admin opens Tasklist; then the JVM stops and writes the cache: the
# classes loaded and linked, and the method profiles of the run.
#
#   JAVA=/path/to/java JAVA_OPTS="..." docker/aot-cache.sh APP_DIR
#
# docker/Dockerfile runs it at image build; bench/run (AotCache.java) and .ci/runtime-smoke.sh run it the same way.
# JAVA_OPTS must be the flags the cache is used with: a cache trained with another collector or object-header
# setting is refused at start (a warning; the JVM then runs without it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
app_dir=$(cd "${1:?usage: aot-cache.sh APP_DIR (holding the extracted app.jar)}" && pwd)
java=${JAVA:-java}
port=${AOT_TRAINING_PORT:-18080}
mail_port=${AOT_TRAINING_MAIL_PORT:-18025}
log="${app_dir}/aot-training.log"
cache="${app_dir}/app.aot"

rm -f "$cache"
cd "$app_dir"
# The training JVM writes the classes it loaded into an archive at exit (the AOT configuration, then the cache) in a
# buffer as large as its class space, which the image's -XX:MaxMetaspaceSize=192m shrinks below what this
# application's classes need ("Unable to allocate from 'ro' region"). The training run alone gets a larger limit
# (the last flag wins); the cache maps into the JVM with the image's limit.
training_limit="-XX:MaxMetaspaceSize=1g"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
# the jar by its absolute path: the cache records the class path and is refused where it does not match (the image
# starts /app/app.jar; bench/run starts the jar from another working directory)
"$java" ${JAVA_OPTS:-} $training_limit -XX:AOTCacheOutput="$cache" -jar "${app_dir}/app.jar" \
  --server.port="$port" \
  --spring.datasource.url="jdbc:h2:mem:aot;DB_CLOSE_DELAY=-1" \
  --app.demo-data.enabled=true --app.demo-mailbox.enabled=true --app.demo-mailbox.port="$mail_port" \
  >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

if ! bash "${here}/workload.sh" "http://127.0.0.1:${port}" "${AOT_TRAINING_ROUNDS:-3}" "$pid"; then
  echo "aot-cache: the training workload failed; the end of the training run's log:" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
sleep 2 # the approval mails' jobs

kill -TERM "$pid" # the JVM writes the cache as it exits (on SIGTERM too)
wait "$pid" || true
trap - EXIT
if [[ ! -s "$cache" ]]; then
  echo "aot-cache: the JVM wrote no AOT cache; the end of the training run's log:" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
echo "aot-cache: wrote ${cache} ($(du -h "$cache" | cut -f1))"
