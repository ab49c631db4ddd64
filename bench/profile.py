#!/usr/bin/env python3
"""Summarizes a CPU profile written by `bench/run --profile` (target/bench/<name>.jfr): where the application's
CPU samples fall (bcrypt, mail, engine, HTTP, ...) and the hottest application-level frames.

    bench/profile.py target/bench/intake.jfr
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

def main(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "400", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    events = text.split("jdk.ExecutionSample")[1:]
    totals = collections.Counter()
    frames_in = collections.defaultdict(collections.Counter)
    for event in events:
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?line:", event, re.M)
        stack = "\n".join(frames)
        category = next((name for name, keys in CATEGORIES if any(k in stack for k in keys)), "other")
        totals[category] += 1
        for frame in set(frames):
            if frame.startswith("com.b2bflow") or "camunda.bpm.engine.impl.cmd" in frame:
                frames_in[category][frame] += 1
    n = max(1, len(events))
    print(f"{len(events)} CPU samples")
    for name, count in totals.most_common():
        print(f"{100.0 * count / n:5.1f}%  {name}")
    for name, counter in frames_in.items():
        print(f"\n{name}:")
        for frame, count in counter.most_common(12):
            print(f"  {100.0 * count / n:5.1f}%  {frame}")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/bench/intake.jfr")
