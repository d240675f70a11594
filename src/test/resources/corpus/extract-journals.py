"""Extracts the journals embedded in hledger / ledger test files into single journal files.
hledger shelltest v3: '<' line, journal lines, then '$ hledger ... -f - ...' (or '-f-').
hledger shelltest v1: 'hledger -f - CMD' line, '<<<', journal lines, '>>>'.
ledger test/regress, test/baseline: journal lines, then 'test CMD' ... 'end test'.
Usage: extract.py OUTDIR PREFIX FILE..."""
import os, re, sys
out, prefix = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
def write(name, lines):
    text = ''.join(lines)
    if not re.search(r'^\d{4}[-/.]\d|^\d{1,2}[-/]\d', text, re.M):
        return
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='') as f:
        f.write(text)
for path in sys.argv[3:]:
    stem = prefix + re.sub(r'[^A-Za-z0-9]+', '-', os.path.splitext(os.path.basename(path))[0])
    lines = open(path, encoding='utf-8', newline='').read().splitlines(keepends=True)
    n = 0
    if path.endswith('.test') and any(l.startswith('test ') for l in lines) and not any(l.rstrip() == '<' for l in lines):
        # ledger: the journal is everything outside 'test ... end test' blocks
        journal, inside = [], False
        for l in lines:
            if l.startswith('test '):
                inside = True
            elif l.startswith('end test'):
                inside = False
            elif not inside:
                journal.append(l)
        write(stem + '.journal', journal)
        continue
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.rstrip('\r\n') == '<':
            j = i + 1
            block = []
            while j < len(lines) and not lines[j].startswith('$ '):
                block.append(lines[j]); j += 1
            cmd = lines[j] if j < len(lines) else ''
            if re.search(r'-f ?-(\s|$)', cmd.strip()) and 'csv' not in cmd and 'timeclock' not in cmd and 'timedot' not in cmd:
                n += 1
                write(f'{stem}-{n}.journal', block)
            i = j
        elif l.rstrip('\r\n') == '<<<':
            prev = lines[i-1] if i else ''
            j = i + 1
            block = []
            while j < len(lines) and not lines[j].startswith('>>>'):
                block.append(lines[j]); j += 1
            if re.search(r'-f ?-', prev) and 'csv' not in prev and 'timeclock' not in prev and 'timedot' not in prev:
                n += 1
                write(f'{stem}-{n}.journal', block)
            i = j
        else:
            i += 1
