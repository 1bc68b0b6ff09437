#!/usr/bin/env python3
"""End-to-end timings in a real pseudo-terminal, dossier and less side by side.

For each program: time from exec to the first complete frame (median of N fresh starts), and
key-to-frame latency (send one key, wait until the screen shows its effect; median of K keys),
plus the bytes written to the terminal per key, the write() system calls per key and for the
first frame (the process's `syscw` in /proc/PID/io, which counts every write-family call of all
its threads, read once the output has gone quiet, so the count does not perturb the timing), and
the wake-ups while idle: context switches of all the process's threads (voluntary and not, from
/proc/PID/task/*/status) over 5 seconds with no input after the keys. `less` reads
`dossier export --format markdown` of the same dossier. Standard library only (pty, select).

usage: pty_bench.py DOSSIER_BINARY MARKDOWN_FILE [--starts N] [--keys K] [--size 80x24]
"""
import os, pty, re, select, signal, statistics, sys, time

def spawn(argv, cols, rows, env_extra):
    pid, fd = pty.fork()
    if pid == 0:
        env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "LINES": str(rows), "COLUMNS": str(cols)}
        env.update(env_extra)
        os.execve(argv[0], argv, env)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd

# What a terminal answers, as xterm does: dossier asks for the background colour (OSC 11) and the
# device attributes (DA1, whose answer ends its wait) before it starts; a harness that stayed
# silent would charge it a 150 ms time-out that no real terminal makes it pay.
ANSWERS = [(b"\x1b]11;?", b"\x1b]11;rgb:0000/0000/0000\x1b\\"), (b"\x1b[c", b"\x1b[?62;22c"), (b"\x1b[6n", b"\x1b[1;2R")]

def answer_queries(fd, data, answered):
    """Answers each query that `data` holds and that was not answered yet."""
    for query, reply in ANSWERS:
        count = data.count(query)
        while answered.get(query, 0) < count:
            os.write(fd, reply)
            answered[query] = answered.get(query, 0) + 1

def read_until(fd, pattern, timeout=5.0):
    """Reads until `pattern` (bytes regex) matches the bytes read so far, answering the
    terminal queries on the way; returns (bytes, seconds)."""
    start = time.perf_counter()
    data = b""
    answered = {}
    rx = re.compile(pattern)
    while True:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise TimeoutError(f"no {pattern!r} in {data[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise TimeoutError("terminal closed")
            data += chunk
            answer_queries(fd, data, answered)
            if rx.search(data):
                return data, time.perf_counter() - start

def burst(fd, start, quiet=0.03, timeout=5.0):
    """Reads the response to a key sent at `start` (taken just before the key's write, so a
    response that is out before this function runs is not timed from later): returns (seconds
    from `start` to the last byte, bytes). The response ends when nothing more arrives for
    `quiet` seconds; that wait is not counted."""
    data, last = b"", None
    while True:
        wait = timeout if last is None else quiet
        if not select.select([fd], [], [], wait)[0]:
            if last is None:
                raise TimeoutError("no response to the key")
            return last - start, data
        data += os.read(fd, 65536)
        last = time.perf_counter()

def drain(fd, quiet=0.02):
    data = b""
    while select.select([fd], [], [], quiet)[0]:
        try:
            data += os.read(fd, 65536)
        except OSError:
            break
    return data

def write_calls(pid):
    """write-family system calls the process has made so far (all threads)."""
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            if line.startswith("syscw:"):
                return int(line.split()[1])
    raise RuntimeError("no syscw in /proc/PID/io")

def context_switches(pid):
    """Voluntary and involuntary context switches so far, per thread id."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                counts[task] = sum(int(line.split()[1]) for line in f
                                   if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")))
        except FileNotFoundError:
            pass  # a thread that ended meanwhile
    return counts

def switches_between(before, after):
    """Context switches from one snapshot to the next: those of the threads alive at the end
    (all of a thread's that began meanwhile), plus one for each thread that ended (it woke to end)."""
    return sum(n - before.get(t, 0) for t, n in after.items()) + len(before.keys() - after.keys())

def idle_wakeups(pid, fd, seconds=5.0, windows=5):
    """Context switches per window of `seconds / windows` while nothing is sent; the terminal's
    side is read meanwhile (a program drawing while idle would show as bytes too)."""
    counts, written = [], 0
    for _ in range(windows):
        before = context_switches(pid)
        end = time.perf_counter() + seconds / windows
        while (left := end - time.perf_counter()) > 0:
            if select.select([fd], [], [], left)[0]:
                written += len(os.read(fd, 65536))
        counts.append(switches_between(before, context_switches(pid)))
    return counts, written

def stop(pid, fd, quit_key=b"q"):
    try:
        os.write(fd, quit_key)
        for _ in range(50):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            drain(fd, 0.01)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass
    os.close(fd)

def main():
    args = sys.argv[1:]
    binary, markdown = os.path.abspath(args[0]), os.path.abspath(args[1])
    starts = int(args[args.index("--starts") + 1]) if "--starts" in args else 11
    keys = int(args[args.index("--keys") + 1]) if "--keys" in args else 200
    cols, rows = map(int, (args[args.index("--size") + 1] if "--size" in args else "80x24").split("x"))
    less = "/usr/bin/less"
    programs = {
        # the status bar's first hint is drawn last on the first frame
        "dossier": ([binary], rb"\? help", {}),
        # a custom prompt marks less's complete screen
        "less": ([less, "-PLESSREADY", markdown], rb"LESSREADY", {"LESS": "", "LESSHISTFILE": "-"}),
    }
    results = {}
    for name, (argv, ready, env) in programs.items():
        first, first_writes = [], []
        for _ in range(starts):
            t0 = time.perf_counter()
            pid, fd = spawn(argv, cols, rows, env)
            _, _ = read_until(fd, ready)
            first.append(time.perf_counter() - t0)
            drain(fd, 0.05)  # the rest of the frame, if any, before counting its writes
            first_writes.append(write_calls(pid))
            stop(pid, fd)
        pid, fd = spawn(argv, cols, rows, env)
        screen, _ = read_until(fd, ready)
        drain(fd)
        latencies, sizes, writes = [], [], []
        for i in range(keys):
            # j then k: both programs move by one line (less) or one event (dossier) and back
            key = b"j" if i % 2 == 0 else b"k"
            before = write_calls(pid)
            sent = time.perf_counter()
            os.write(fd, key)
            seconds, data = burst(fd, sent)
            writes.append(write_calls(pid) - before)
            latencies.append(seconds)
            sizes.append(len(data))
        idle, idle_bytes = idle_wakeups(pid, fd)
        stop(pid, fd)
        results[name] = {
            "first_frame_ms": statistics.median(first) * 1000,
            "key_ms": statistics.median(latencies) * 1000,
            "bytes_per_key": statistics.median(sizes),
            "writes_per_key": statistics.median(writes),
            "writes_per_key_max": max(writes),
            "writes_first_frame": statistics.median(first_writes),
            "idle_5s": sum(idle),
            "idle_per_s": statistics.median(idle),
            "idle_bytes": idle_bytes,
        }
    d, l = results["dossier"], results["less"]
    print(f"| | dossier | less | ratio |")
    print(f"|---|---|---|---|")
    print(f"| first frame ({cols}×{rows}, median of {starts}) | {d['first_frame_ms']:.1f} ms | {l['first_frame_ms']:.1f} ms | {d['first_frame_ms'] / l['first_frame_ms']:.2f}× |")
    print(f"| key to frame (median of {keys}) | {d['key_ms']:.2f} ms | {l['key_ms']:.2f} ms | {d['key_ms'] / l['key_ms']:.2f}× |")
    print(f"| bytes written per key | {d['bytes_per_key']:.0f} | {l['bytes_per_key']:.0f} | {ratio(d['bytes_per_key'], l['bytes_per_key'])} |")
    print(f"| `write()` calls per key (median; max) | {d['writes_per_key']:.0f}; {d['writes_per_key_max']} | {l['writes_per_key']:.0f}; {l['writes_per_key_max']} | {ratio(d['writes_per_key'], l['writes_per_key'])} |")
    print(f"| `write()` calls to the first frame, queries included (median of {starts}) | {d['writes_first_frame']:.0f} | {l['writes_first_frame']:.0f} | {ratio(d['writes_first_frame'], l['writes_first_frame'])} |")
    print(f"| wake-ups while idle: context switches in 5 s (median per second) | {d['idle_5s']} ({d['idle_per_s']:.0f}) | {l['idle_5s']} ({l['idle_per_s']:.0f}) | {ratio(d['idle_5s'], l['idle_5s'])} |")
    if d["idle_bytes"] or l["idle_bytes"]:
        print(f"| bytes written while idle | {d['idle_bytes']} | {l['idle_bytes']} | |")

def ratio(a, b):
    if b == 0:
        return "–" if a == 0 else "∞"
    return f"{a / b:.2f}×"

if __name__ == "__main__":
    main()
