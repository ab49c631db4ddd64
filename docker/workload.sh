#!/usr/bin/env bash
# A real workload against a running application at BASE_URL (started with demo staff, password "demo"): waits until
# it is healthy, then ROUNDS times (default 1) registers an organization over HTTP and takes it through its whole
# lifecycle (status, review, account set-up, approval, with the mails the process sends), opening a seller admin's
# Tasklist first page on the way (the requests Tasklist sends to the engine REST API); finally loads the Tasklist and
# Cockpit pages. Fails (exit 1) on any unexpected answer.
#
#   docker/workload.sh BASE_URL [ROUNDS] [PID]     (PID: the application's process; the wait ends if it exits)
#
# Used by docker/aot-cache.sh (the AOT cache's training run, at image build and in bench/run) and by
# .ci/runtime-smoke.sh (the jar on Java 17, and as the image runs it on Java 25).
set -euo pipefail

base=${1:?usage: workload.sh BASE_URL [ROUNDS] [PID]}
rounds=${2:-1}
pid=${3:-}

fail() {
  echo "workload: $*" >&2
  exit 1
}

# curl, failing on HTTP errors; $1 user (or - for none), the rest curl's arguments
call() {
  local user=$1
  shift
  if [[ "$user" == "-" ]]; then
    curl -fsS "$@"
  else
    curl -fsS -u "${user}:demo" "$@"
  fi
}

# a training run records as it goes and starts slower than the application will; a busy machine slower still
for _ in $(seq 1 3000); do
  if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
    fail "the application exited during start-up"
  fi
  if curl -fsS -o /dev/null "${base}/actuator/health" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
curl -fsS -o /dev/null "${base}/actuator/health" || fail "not healthy within 10 minutes"

# the id of the one task at $2 of the registration (business key $3), as user $1
task_of() {
  local body
  for _ in $(seq 1 600); do
    body=$(call "$1" "${base}/engine-rest/task?taskDefinitionKey=$2&processInstanceBusinessKey=$3")
    if [[ "$body" == *'"id":"'* ]]; then
      sed -E 's/^[^{]*\{"id":"([^"]+)".*/\1/' <<<"$body"
      return
    fi
    sleep 0.2
  done
  fail "no task $2 for registration $3 within 2 minutes"
}

# completes task $2 as user $1 with variables $3; a 409 (the task's "new task" mail job committed at the same instant)
# is answered as a person in Tasklist answers it: once more
complete() {
  local status
  for _ in 1 2 3 4 5; do
    status=$(curl -sS -u "${1}:demo" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST \
      -d "{\"variables\":$3}" "${base}/engine-rest/task/$2/complete")
    [[ "$status" == 204 ]] && return
    [[ "$status" == 409 ]] || fail "completing task $2 as $1 answered $status"
    sleep 0.2
  done
  fail "completing task $2 as $1 answered 409 five times"
}

# what Tasklist sends when a user opens it: the filter count, the filters, the focused filter's first page with its
# count (bench's TasklistPage sends the same)
tasklist_first_page() {
  local filter
  call "$1" -o /dev/null "${base}/engine-rest/filter/count?itemCount=false&resourceType=Task"
  filter=$(call "$1" "${base}/engine-rest/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task" \
    | sed -E 's/^[^{]*\{"id":"([^"]+)".*/\1/')
  call "$1" -o /dev/null -H 'Accept: application/hal+json' -H 'Content-Type: application/json' -X POST \
    -d '{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}' \
    "${base}/engine-rest/filter/${filter}/list?firstResult=0&maxResults=15"
}

for round in $(seq 1 "$rounds"); do
  key="w${round}x$(date +%s%N | tail -c 9)"
  response=$(call - -H 'Content-Type: application/json' -X POST "${base}/api/registrations/organization" -d "{
    \"organization\":{\"name\":\"${key} Corp\",\"description\":\"Industrial supplies\",\"businessCategory\":\"Wholesale\"},
    \"user\":{\"logonId\":\"${key}\",\"password\":\"correct horse battery\",\"passwordVerify\":\"correct horse battery\",
      \"firstName\":\"Ada\",\"lastName\":\"Buyer\",\"email\":\"${key}@${key}.example.com\",\"phone\":\"+49 30 1234\",
      \"preferredLanguage\":\"en\"},
    \"address\":{\"address1\":\"Main Street 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}}") \
    || fail "the registration was refused"
  id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$response")
  call - -o /dev/null "${base}/api/registrations/${id}"
  tasklist_first_page seller-admin
  task=$(task_of seller-admin Task_ReviewRegistration "$id")
  complete seller-admin "$task" '{"approved":{"value":true}}'
  task=$(task_of account-rep Task_SetUpAccount "$id")
  complete account-rep "$task" \
    '{"accountName":{"value":"Main account"},"contractName":{"value":"Standard terms"},"contractValidFrom":{"value":"2026-01-01"}}'
  # four-eyes rule (app.registration.four-eyes): a colleague of the reviewer gives the final approval
  tasklist_first_page seller-approver
  task=$(task_of seller-approver Task_ApproveRegistration "$id")
  complete seller-approver "$task" '{"approved":{"value":true}}'
  call - -o /dev/null "${base}/api/registrations/${id}"
  echo "workload: registration ${id} reviewed, set up and approved"
done
call - -o /dev/null "${base}/camunda/app/tasklist/default/"
call - -o /dev/null "${base}/camunda/app/cockpit/default/"
