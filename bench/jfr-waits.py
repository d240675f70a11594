#!/usr/bin/env python3
# bench/jfr-waits.py RECORDING.jfr: where each thread waited (jdk.ThreadPark and jdk.JavaMonitorWait events), grouped by
# thread and the first Eventscope frame of the stack: count and total seconds, largest first. Record with
#   -XX:StartFlightRecording=filename=x.jfr,settings=profile,jdk.ThreadPark#threshold=0ms,jdk.JavaMonitorWait#threshold=0ms
# ("?" = no Eventscope frame: an idle pool thread). docs/cli-speed.md, "Session 23 (readside)".
import re,sys,collections,subprocess
f=sys.argv[1]
out=subprocess.run(['jfr','print','--stack-depth','30','--events','jdk.ThreadPark,jdk.JavaMonitorWait',f],capture_output=True,text=True).stdout
evs=re.split(r'\n(?=jdk\.)',out)
agg=collections.defaultdict(lambda:[0,0.0])
for e in evs:
    m=re.search(r'eventThread = "([^"]+)"',e)
    if not m: continue
    t=m.group(1)
    pass
    d=re.search(r'duration = ([\d.]+) (ms|s|us|ns)',e)
    if not d: continue
    v=float(d.group(1)); u=d.group(2); v={'s':v,'ms':v/1e3,'us':v/1e6,'ns':v/1e9}[u]
    frames=re.findall(r'^\s+(dev\.eventscope[\w$.<>]+)\(',e,re.M)
    where=frames[0] if frames else '?'
    agg[(t,where)][0]+=1; agg[(t,where)][1]+=v
for k,(n,s) in sorted(agg.items(),key=lambda x:-x[1][1])[:12]:
    print(f"{k[0]:28s} {k[1]:60s} n={n:5d} {s:7.2f}s")
