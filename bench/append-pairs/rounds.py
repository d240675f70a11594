#!/usr/bin/env python3
"""StoreBenchmark's progress lines (its stderr) to store ÷ best raw by CPU per cell: the first round, the best of the first 3,
the best of all rounds so far (also of a run still going or stopped). Usage: rounds.py STDERR-FILE (docs/benchmarks-store.md, session 21)."""
import re, sys
lines=open(sys.argv[1]).read().split('\n')
rounds=[];cur={}
started=False
for l in lines:
    if 'warm-up done' in l: started=True; continue
    if not started: continue
    m=re.match(r'\[bench\] round (\d+):',l)
    if m: rounds.append(cur); cur={}; continue
    m=re.match(r'\[bench\] (.*?): ([\d,]+) events/s \(by CPU time: ([\d,]+)',l)
    if m:
        k=m.group(1); cur[k]=float(m.group(3).replace(',',''))
if cur: rounds.append(cur)
def cell(rs, lay, store_key):
    best=lambda pred: max((v for r in rs for k,v in r.items() if pred(k)), default=0)
    s=best(lambda k: k==store_key)
    raw=best(lambda k: k.startswith('raw '+lay+' batch'))
    return s, raw, s/raw if raw else 0
for lay in ['BLOCKED','INTERLEAVED']:
    for name,key in [('appendAll','store %s NORMAL 1 appends/transaction'%lay),('bulk','store %s NORMAL 10 appends/transaction'%lay)]:
        out=[]
        for label,rs in [('cold',rounds[:1]),('first3',rounds[:3]),('all%d'%len(rounds),rounds)]:
            s,raw,r=cell(rs,lay,key); out.append('%s %.0f/%.0f=%.2f'%(label,s,raw,r))
        print(lay,name,' | '.join(out))
print('per round interleaved appendAll:', [(round(r.get('store INTERLEAVED NORMAL 1 appends/transaction',0)), round(max(v for k,v in r.items() if k.startswith('raw INTERLEAVED batch')))) for r in rounds if r])
