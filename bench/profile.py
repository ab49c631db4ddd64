#!/usr/bin/env python3
"""Summarizes a CPU profile written by `bench/run --profile` (target/bench/<name>.jfr): where the CPU samples fall
(bcrypt, mail, engine, HTTP, ... for intake; mail, JPA, the engine's own persistence, the database ... for a lifecycle
round), by kind of thread, and the hottest application-level frames.

    bench/profile.py target/bench/intake.jfr
    bench/profile.py target/bench/lifecycle-h2-application.jfr target/bench/lifecycle-h2-bare.jfr
"""
import collections
import re
import subprocess
import sys

CATEGORIES = [
    ("bcrypt (the intended cost)", ["BCrypt"]),
    ("mail (NotificationService.deliver)", ["NotificationService.deliver"]),
    ("mail templates", ["MailTemplates.render"]),
    ("engine-rest (benchmark polling)", ["glassfish.jersey"]),
    ("registration submit (non-hash)", ["RegistrationService.submit"]),
    ("job executor (engine)", ["ExecuteJobsRunnable", "JobExecutor"]),
    ("HTTP (Tomcat, filters)", ["Http11Processor", "DispatcherServlet", "FilterChain"]),
]

# a lifecycle round runs in the benchmark JVM: staff drivers, job executor threads and the SMTP server (GreenMail)
LIFECYCLE_CATEGORIES = [
    ("SMTP server (GreenMail, the mails' receiver)", ["icegreen"]),
    ("mail: SMTP client", ["SmtpConnections.send"]),
    ("mail: templates", ["MailTemplates.render"]),
    ("mail: other (recipients, the sent record)", ["NotificationService"]),
    ("JPA / Hibernate (members, audit)", ["org.hibernate"]),
    ("engine: its persistence (MyBatis, SQL)", ["org.apache.ibatis"]),
    ("engine: other (executions, history, jobs)", ["org.camunda.bpm.engine"]),
    ("benchmark drivers", ["com.b2bflow.bench"]),
]

THREAD_KINDS = [("job executor", ["camundaTaskExec", "JobExecutor"]), ("staff drivers", ["pool-"]),
                ("SMTP server", ["smtp", "greenmail", "GreenMail"]), ("JIT compiler", ["Compiler"])]

def main(path):
    if "lifecycle" in path:
        categories = LIFECYCLE_CATEGORIES
    else:
        categories = CATEGORIES
    text = subprocess.run(["jfr", "print", "--stack-depth", "400", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    events = text.split("jdk.ExecutionSample")[1:]
    totals = collections.Counter()
    threads = collections.Counter()
    frames_in = collections.defaultdict(collections.Counter)
    for event in events:
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?line:", event, re.M)
        stack = "\n".join(frames)
        category = next((name for name, keys in categories if any(k in stack for k in keys)), "other")
        totals[category] += 1
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        name = thread.group(1) if thread else ""
        threads[next((kind for kind, keys in THREAD_KINDS if any(k in name for k in keys)), "other")] += 1
        for frame in set(frames):
            if frame.startswith("com.b2bflow") or "camunda.bpm.engine.impl.cmd" in frame:
                frames_in[category][frame] += 1
    n = max(1, len(events))
    print(f"{len(events)} CPU samples")
    for name, count in totals.most_common():
        print(f"{100.0 * count / n:5.1f}%  {name}")
    print("by thread: " + ", ".join(f"{kind} {100.0 * count / n:.1f}%" for kind, count in threads.most_common()))
    for name, counter in frames_in.items():
        print(f"\n{name}:")
        for frame, count in counter.most_common(12):
            print(f"  {100.0 * count / n:5.1f}%  {frame}")

if __name__ == "__main__":
    for argument in sys.argv[1:] or ["target/bench/intake.jfr"]:
        print(f"== {argument}")
        main(argument)
