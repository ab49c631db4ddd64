#!/usr/bin/env bash
# The packaged jar on both supported Java versions (docs/runtime.md), after `mvn package`:
#   1. Java 17 (the lowest supported, the code's release): java -jar with the default profile, one organization
#      registered over HTTP and taken through its lifecycle (docker/workload.sh), then stopped.
#   2. Java 25 as docker/Dockerfile runs it: the extracted layout, the AOT cache trained by docker/aot-cache.sh with
#      the Dockerfile's JAVA_OPTS, then a start with those flags and -XX:AOTMode=on (fails if the cache cannot be
#      used), the same workload, stopped. Skipped, loudly, where Java 25 is absent.
#
#   JAVA17_HOME (default: /usr/lib/jvm/java-17-openjdk-amd64, else `java` on the PATH when it is 17)
#   JAVA25_HOME (default: /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
jar=$(ls target/b2b-registration-*.jar 2>/dev/null | head -1 || true)
[[ -n "$jar" ]] || { echo "runtime-smoke: no target/b2b-registration-*.jar: run mvn package first" >&2; exit 1; }
work="$ROOT/target/runtime-smoke"
rm -rf "$work"
mkdir -p "$work"

# a port nothing listens on
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# starts java ($1) with flags ($2) on jar ($3) in the working directory ($4), runs the workload, stops it
run_workload() {
  local java=$1 flags=$2 app_jar=$3 dir=$4 port mail_port pid started status=0
  port=$(free_port)
  mail_port=$(free_port)
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # flags is a list
  (cd "$dir" && exec "$java" $flags -jar "$app_jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:mem:smoke;DB_CLOSE_DELAY=-1" --app.demo-mailbox.port="$mail_port") \
    >"$dir/app.log" 2>&1 &
  pid=$!
  bash docker/workload.sh "http://127.0.0.1:${port}" 1 "$pid" || status=$?
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ((status != 0)); then
    echo "runtime-smoke: FAILED; the end of $dir/app.log:" >&2
    tail -n 40 "$dir/app.log" >&2
    return "$status"
  fi
  echo "runtime-smoke: OK in $((($(date +%s%N) - started) / 1000000)) ms (start, workload, stop)"
}

java17=""
for candidate in "${JAVA17_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64; do
  if [[ -n "$candidate" && -x "$candidate/bin/java" ]]; then java17="$candidate/bin/java"; break; fi
done
if [[ -z "$java17" ]] && java -version 2>&1 | grep -q 'version "17'; then java17=java; fi
if [[ -z "$java17" ]]; then
  echo "runtime-smoke: no Java 17 found (JAVA17_HOME): cannot check the lowest supported version" >&2
  exit 1
fi
echo "runtime-smoke: Java 17 ($java17): start, register, lifecycle, stop"
mkdir -p "$work/java17"
run_workload "$java17" "" "$ROOT/$jar" "$work/java17"

java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
if [[ ! -x "$java25" ]]; then
  echo "runtime-smoke: ************************************************************************" >&2
  echo "runtime-smoke: SKIPPED the image's runtime: no Java 25 at $java25 (JAVA25_HOME)" >&2
  echo "runtime-smoke: ************************************************************************" >&2
  exit 0
fi
flags=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' docker/Dockerfile)
[[ -n "$flags" ]] || { echo "runtime-smoke: docker/Dockerfile has no ENV JAVA_OPTS=\"...\" line" >&2; exit 1; }
malloc_arenas=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\(.*\)$/\1/p' docker/Dockerfile)
echo "runtime-smoke: Java 25 ($java25) as the image runs it: $flags"
app="$work/java25"
"$java25" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
mv "$app/$(basename "$jar")" "$app/app.jar"
MALLOC_ARENA_MAX=$malloc_arenas JAVA="$java25" JAVA_OPTS="$flags" AOT_TRAINING_ROUNDS=1 \
  AOT_TRAINING_PORT="$(free_port)" AOT_TRAINING_MAIL_PORT="$(free_port)" bash docker/aot-cache.sh "$app"
MALLOC_ARENA_MAX=$malloc_arenas run_workload "$java25" "$flags -XX:AOTCache=$app/app.aot -XX:AOTMode=on" \
  "$app/app.jar" "$app"
