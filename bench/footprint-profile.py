#!/usr/bin/env python3
"""Where start-up time and memory go: the product beside the bare Camunda application, both as the image runs them.

Needs the two extracted applications with their AOT caches that `bench/run` (footprint) prepared in
target/bench/aot/{product,bare-camunda}/. Starts each once with the image's JVM flags, the cache (-XX:AOTMode=on),
native memory tracking and a JFR recording of the start (from
the moment jcmd can attach), on an in-memory H2 database, and when healthy records:
  - wall time to healthy and the CPU the process used, split by thread kind (main, JIT compilers, GC, other);
  - the start's CPU samples by the framework they fall in (Hibernate, Flyway, Camunda engine, Spring, ...);
  - resident memory (RssAnon / RssFile) and native memory tracking's committed memory by category;
  - the live heap (after a full collection) by the framework its classes belong to.
Writes target/bench/footprint-profile.md (and .json), the table bench/RESULTS.md quotes.

    bench/footprint-profile.py        (after bench/run, with the same JVM: BENCH_APP_JAVA_HOME)
"""
import collections
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
JAVA_HOME = os.environ.get("BENCH_APP_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")

# first match wins, so the more specific prefixes come first
FRAMEWORKS = [
    ("product code (com.b2bflow)", ["com.b2bflow."]),
    ("Camunda webapps and REST", ["org.camunda.bpm.webapp.", "org.camunda.bpm.engine.rest.", "org.camunda.bpm.spring.boot.starter.webapp", "org.camunda.bpm.spring.boot.starter.rest"]),
    ("Camunda engine (incl. deployment, MyBatis)", ["org.camunda.", "org.apache.ibatis."]),
    ("Hibernate / JPA", ["org.hibernate.", "jakarta.persistence.", "org.springframework.orm.", "org.springframework.data."]),
    ("Flyway", ["org.flywaydb."]),
    ("Thymeleaf", ["org.thymeleaf.", "org.attoparser.", "org.unbescape."]),
    ("Spring Security", ["org.springframework.security."]),
    ("Spring Modulith / jMolecules", ["org.springframework.modulith.", "org.jmolecules.", "com.tngtech.archunit."]),
    ("Jackson", ["com.fasterxml.jackson."]),
    ("Jersey / JAX-RS", ["org.glassfish.", "jakarta.ws.rs."]),
    ("Tomcat", ["org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."]),
    ("H2 / JDBC pool", ["org.h2.", "com.zaxxer."]),
    ("Spring (core, boot, context, web)", ["org.springframework."]),
    ("Mail, Greenmail", ["jakarta.mail.", "org.eclipse.angus.", "com.icegreen."]),
    ("JDK (class loading, reflection, zip, ...)", ["java.", "javax.", "jdk.", "sun.", "com.sun."]),
]


def framework(name):
    for label, prefixes in FRAMEWORKS:
        if any(name.startswith(p) for p in prefixes):
            return label
    return "other libraries"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def image_flags():
    dockerfile = open(os.path.join(ROOT, "docker", "Dockerfile")).read()
    return shlex.split(re.search(r'^ENV JAVA_OPTS="(.*)"$', dockerfile, re.M).group(1))


def jcmd(pid, *command):
    return subprocess.run([os.path.join(JAVA_HOME, "bin", "jcmd"), str(pid), *command],
                          check=True, capture_output=True, text=True).stdout


def proc_status(pid):
    status = open(f"/proc/{pid}/status").read()
    return {k: int(re.search(rf"^{k}:\s+(\d+) kB", status, re.M).group(1)) / 1024
            for k in ("VmRSS", "RssAnon", "RssFile")}


def cpu_by_thread(pid):
    """CPU seconds per thread kind, from /proc/PID/task/*/stat (utime + stime)."""
    tick = os.sysconf("SC_CLK_TCK")
    kinds = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            fields = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        seconds = (int(fields[11]) + int(fields[12])) / tick
        if "Compiler" in comm:
            kind = "JIT compilers"
        elif comm.startswith("GC") or "Serial" in comm or comm.startswith("VM Thread"):
            kind = "GC and VM thread"
        elif comm == "java" or comm == "main":
            kind = "main thread (start-up)"
        else:
            kind = "other threads"
        kinds[kind] += seconds
    return kinds


def nmt_committed(pid):
    text = jcmd(pid, "VM.native_memory", "summary")
    rows = {}
    for name, committed in re.findall(r"^-\s+([\w ]+?) \(reserved=\d+KB, committed=(\d+)KB", text, re.M):
        rows[name.strip()] = int(committed) / 1024
    return rows


def heap_by_framework(pid):
    text = jcmd(pid, "GC.class_histogram")
    totals = collections.Counter()
    for _, _, size, name in re.findall(r"^\s*(\d+):\s+(\d+)\s+(\d+)\s+(\S+)", text, re.M):
        totals[framework(name) if "." in name else "arrays and strings (any framework)"] += int(size)
    totals = {k: v / 1024 / 1024 for k, v in totals.items()}
    return totals


def samples_by_framework(jfr):
    text = subprocess.run([os.path.join(JAVA_HOME, "bin", "jfr"), "print", "--stack-depth", "300",
                           "--events", "jdk.ExecutionSample", jfr], check=True, capture_output=True, text=True).stdout
    totals = collections.Counter()
    for event in text.split("jdk.ExecutionSample")[1:]:
        # the application's main method sits under every start-up frame: it says nothing about whose work it is
        frames = [f for f in re.findall(r"^\s+([\w.$<>]+)\(.*?line:", event, re.M) if not f.endswith(".main")]
        # the innermost frame of a named framework says whose work the sample was (Spring and the JDK only when no
        # other framework is on the stack)
        label = "JDK (class loading, reflection, zip, ...)"
        for frame in reversed(frames):
            candidate = framework(frame)
            if candidate not in ("JDK (class loading, reflection, zip, ...)", "Spring (core, boot, context, web)", "other libraries"):
                label = candidate
        if label == "JDK (class loading, reflection, zip, ...)" and any(f.startswith("org.springframework.") for f in frames):
            label = "Spring (core, boot, context, web)"
        totals[label] += 1
    return totals


def profile(name):
    app = os.path.join(OUT, "aot", name)
    jar, cache = os.path.join(app, "app.jar"), os.path.join(app, "app.aot")
    if not os.path.exists(cache):
        sys.exit(f"no {cache}: run bench/run --only=footprint first")
    port, mail = free_port(), free_port()
    jfr = os.path.join(OUT, f"start-{name}.jfr")
    command = [os.path.join(JAVA_HOME, "bin", "java"), *image_flags(), f"-XX:AOTCache={cache}", "-XX:AOTMode=on",
               "-XX:NativeMemoryTracking=summary",
               "-jar", jar, f"--server.port={port}", f"--spring.datasource.url=jdbc:h2:mem:{name};DB_CLOSE_DELAY=-1",
               f"--app.demo-mailbox.port={mail}"]
    log = open(os.path.join(OUT, f"start-{name}.log"), "w")
    started = time.time()
    process = subprocess.Popen(command, cwd=app, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "MALLOC_ARENA_MAX": "2"})
    try:
        # JFR on the command line adds a module the cache was not trained with (the JVM then refuses the cache), so the
        # recording starts through jcmd as soon as the JVM accepts the attach, a few hundred milliseconds into the start
        while subprocess.run([os.path.join(JAVA_HOME, "bin", "jcmd"), str(process.pid), "JFR.start", "name=start",
                              "settings=profile", f"filename={jfr}"], capture_output=True).returncode != 0:
            if process.poll() is not None:
                sys.exit(f"{name} exited; see {log.name}")
            time.sleep(0.05)
        while True:
            if process.poll() is not None:
                sys.exit(f"{name} exited; see {log.name}")
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        healthy = time.time() - started
        cpu = cpu_by_thread(process.pid)
        rss = proc_status(process.pid)
        jcmd(process.pid, "JFR.stop", "name=start")
        nmt = nmt_committed(process.pid)
        heap = heap_by_framework(process.pid)
        return {"healthy_seconds": healthy, "cpu_seconds": dict(cpu), "rss_mib": rss, "nmt_committed_mib": nmt,
                "live_heap_mib": heap, "start_cpu_samples": dict(samples_by_framework(jfr))}
    finally:
        process.terminate()
        process.wait(60)


def table(title, product, bare, unit, total_label=None):
    keys = sorted(set(product) | set(bare), key=lambda k: -(product.get(k, 0) - bare.get(k, 0)))
    lines = [f"\n### {title}\n", f"| | product | bare Camunda | difference |", "|---|---|---|---|"]
    for k in keys:
        p, b = product.get(k, 0), bare.get(k, 0)
        lines.append(f"| {k} | {p:.1f} {unit} | {b:.1f} {unit} | {p - b:+.1f} {unit} |")
    if total_label:
        p, b = sum(product.values()), sum(bare.values())
        lines.append(f"| **{total_label}** | **{p:.1f} {unit}** | **{b:.1f} {unit}** | **{p - b:+.1f} {unit}** |")
    return "\n".join(lines)


def main():
    results = {name: profile(name) for name in ("product", "bare-camunda")}
    json.dump(results, open(os.path.join(OUT, "footprint-profile.json"), "w"), indent=2)
    p, b = results["product"], results["bare-camunda"]
    java = subprocess.run([os.path.join(JAVA_HOME, "bin", "java"), "-version"], capture_output=True, text=True).stderr.splitlines()[-1]
    md = [f"## Footprint profile ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} CPUs, {java}; "
          f"load average at the end {open('/proc/loadavg').read().split()[0]})",
          "",
          "Each application started once as the image runs it (its AOT cache, `-XX:AOTMode=on`), plus native memory "
          "tracking and a JFR recording (both cost some time and memory themselves), on an in-memory H2 database.",
          "",
          f"Start to healthy: product {p['healthy_seconds']:.2f} s, bare Camunda {b['healthy_seconds']:.2f} s. "
          f"Resident when healthy: product {p['rss_mib']['VmRSS']:.0f} MiB (anon {p['rss_mib']['RssAnon']:.0f}, file "
          f"{p['rss_mib']['RssFile']:.0f}), bare {b['rss_mib']['VmRSS']:.0f} MiB (anon {b['rss_mib']['RssAnon']:.0f}, "
          f"file {b['rss_mib']['RssFile']:.0f}).",
          table("CPU until healthy, by thread", p["cpu_seconds"], b["cpu_seconds"], "s", "all threads"),
          table("Start-up CPU samples (Java threads) by whose work they are", p["start_cpu_samples"],
                b["start_cpu_samples"], "samples", "samples"),
          table("Committed memory by native memory tracking's category", p["nmt_committed_mib"],
                b["nmt_committed_mib"], "MiB"),
          table("Live heap after a full collection, by the framework of the class", p["live_heap_mib"],
                b["live_heap_mib"], "MiB", "live heap")]
    text = "\n".join(md) + "\n"
    open(os.path.join(OUT, "footprint-profile.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
