"""Word-level F1 of our extraction against the reference, per page: score.py OURS_DIR REF_DIR [N] [-v]
(N: how many of the lowest pages to list; -v: every headline that differs from Readability's title)."""
import json, re, sys, os, statistics, collections, unicodedata
SPLIT = re.compile(r'[\u0E00-\u0E7F\u1000-\u109F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]')
def toks(s):
    s = unicodedata.normalize('NFKC', s).lower()
    out = []
    for w in re.findall(r'[^\W_]+', s):
        if SPLIT.search(w): out.extend(ch for ch in w)
        else: out.append(w)
    return collections.Counter(out)
def norm(t): return ' '.join(unicodedata.normalize('NFKC', t or '').split()).casefold()
ours_dir, ref_dir = sys.argv[1], sys.argv[2]
verbose = '-v' in sys.argv
rows = []
for f in sorted(os.listdir(ref_dir)):
    r = json.load(open(os.path.join(ref_dir, f)))
    try: o = json.load(open(os.path.join(ours_dir, f)))
    except FileNotFoundError: continue
    ot, rt = toks('\n'.join(o['paragraphs'])), toks(r['text'])
    inter = sum((ot & rt).values())
    p = inter / max(1, sum(ot.values())); rc = inter / max(1, sum(rt.values()))
    f1 = 2*p*rc/(p+rc) if p+rc else 0
    rows.append((f1, p, rc, f[:-5], norm(o['title']) == norm(r['title']), o['title'], r['title'], o.get('ms', 0)))
rows.sort()
f1s = [r[0] for r in rows]
print(f"pages {len(rows)}  median F1 {statistics.median(f1s):.3f}  mean {statistics.mean(f1s):.3f}  P {statistics.mean(r[1] for r in rows):.3f}  R {statistics.mean(r[2] for r in rows):.3f}  below0.6 {sum(f<0.6 for f in f1s)}  below0.9 {sum(f<0.9 for f in f1s)}")
print(f"title equal {sum(r[4] for r in rows)}/{len(rows)}  empty {sum(not (r[5] or '').strip() for r in rows)}")
for r in rows[:int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 15]:
    print(f"{r[0]:.3f} P{r[1]:.2f} R{r[2]:.2f} {r[3]}")
if verbose:
    for r in rows:
        if not r[4]: print('TITLE', r[3], '| ours:', r[5], '| ref:', r[6])
