#!/usr/bin/env python3
"""Runs Mustache bench adapters on the briefing fixture and compares them in one run.

Each adapter is a separate process taking the contract flags (--template, --partials, --data,
--out, --warm-iterations, --cold-iterations, --reps) and printing one JSON line with
per-rep wall-clock (rep_seconds) and thread CPU (rep_cpu_seconds) timings. Runs are
interleaved (A B A B ...) so a noisy neighbour hurts both engines alike. Each output is
compared byte for byte with briefing.expected.html.

usage: compare.py --engine NAME=CMD [--engine NAME=CMD ...] --fixtures DIR
                  [--runs 3] [--warm 2000] [--cold 500] [--reps 5] [--quick]
The first engine is ours; ratios are first engine / each other engine.
Standard library only.
"""
import argparse, json, os, shlex, statistics as st, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument('--engine', action='append', required=True, metavar='NAME=CMD')
ap.add_argument('--fixtures', required=True)
ap.add_argument('--runs', type=int, default=3, help='process runs per engine, interleaved')
ap.add_argument('--warm', type=int, default=1000, help='renders per warm rep')
ap.add_argument('--cold', type=int, default=200, help='parse+render iterations per cold rep')
ap.add_argument('--reps', type=int, default=5)
ap.add_argument('--quick', action='store_true', help='iterations / 10, one run (smoke test)')
a = ap.parse_args()
if a.quick:
    a.warm, a.cold, a.runs = max(1, a.warm // 10), max(1, a.cold // 10), 1

fix = a.fixtures
expected = open(os.path.join(fix, 'briefing.expected.html'), 'rb').read()
engines = [tuple(e.split('=', 1)) for e in a.engine]
samples = {name: [] for name, _ in engines}
outdir = tempfile.mkdtemp(prefix='mustache-bench-')

for run in range(a.runs):
    for name, cmd in engines:
        out = os.path.join(outdir, f'{name}.html')
        argv = shlex.split(cmd) + [
            '--template', os.path.join(fix, 'briefing.mustache'), '--partials', os.path.join(fix, 'partials'),
            '--data', os.path.join(fix, 'briefing.json'), '--out', out,
            '--warm-iterations', str(a.warm), '--cold-iterations', str(a.cold), '--reps', str(a.reps)]
        load = os.getloadavg()[0]
        t0 = time.time()
        p = subprocess.run(argv, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f'{name} failed ({p.returncode}):\n{p.stderr[-3000:]}')
        r = json.loads(p.stdout.strip().splitlines()[-1])
        produced = open(out, 'rb').read()
        norm = lambda b: [l.strip() for l in b.decode().splitlines() if l.strip()]
        r['match'] = 'exact' if produced == expected else (
            'whitespace-only diff' if norm(produced) == norm(expected) else 'DIFFERENT')
        samples[name].append(r)
        print(f'run {run + 1}/{a.runs} {name}: {time.time() - t0:.1f}s (load {load:.2f})', file=sys.stderr)

def rates(rs, kind, key):
    return [r[kind]['iterations'] / s for r in rs for s in r[kind][key] if s > 0]

summary = {}
for name, _ in engines:
    rs = samples[name]
    ob = rs[0]['output_bytes']
    w, wc = rates(rs, 'warm', 'rep_seconds'), rates(rs, 'warm', 'rep_cpu_seconds')
    c, cc = rates(rs, 'cold', 'rep_seconds'), rates(rs, 'cold', 'rep_cpu_seconds')
    summary[name] = dict(engine=rs[0]['engine'], bytes=ob, match=rs[0]['match'] if all(r['match'] == rs[0]['match'] for r in rs) else 'MIXED',
                         warm=st.median(w), warm_min=min(w), warm_max=max(w), warm_cpu=st.median(wc),
                         cold=st.median(c), cold_cpu=st.median(cc), n=len(w))

print(f'\nMustache bench: briefing page, {a.runs} run(s) x {a.reps} reps, {a.warm} warm renders and '
      f'{a.cold} cold parse+renders per rep; medians over all reps.\n')
print('| engine | output bytes | vs expected | warm renders/s (min-max) | µs/render | MB/s | '
      'renders per CPU-s | MB per CPU-s | cold parse+render/s |')
print('|---|---:|---|---:|---:|---:|---:|---:|---:|')
for name, s in summary.items():
    print(f"| {s['engine']} | {s['bytes']} | {s['match']} | {s['warm']:.0f} ({s['warm_min']:.0f}-{s['warm_max']:.0f}) | "
          f"{1e6 / s['warm']:.0f} | {s['warm'] * s['bytes'] / 1e6:.1f} | {s['warm_cpu']:.0f} | "
          f"{s['warm_cpu'] * s['bytes'] / 1e6:.1f} | {s['cold']:.0f} |")

ours_name = engines[0][0]
ours = summary[ours_name]
for name, s in list(summary.items())[1:]:
    print(f"\n{ours_name} / {name}: warm renders/s {ours['warm'] / s['warm']:.1f}x (wall), "
          f"{ours['warm_cpu'] / s['warm_cpu']:.1f}x (CPU); MB/s {ours['warm'] * ours['bytes'] / (s['warm'] * s['bytes']):.1f}x; "
          f"cold parse+render {ours['cold'] / s['cold']:.1f}x")
if ours['match'] != 'exact':
    sys.exit(f'{ours_name} output is not byte-identical to briefing.expected.html ({ours["match"]})')
