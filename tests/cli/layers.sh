#!/bin/bash
# layers.sh - the layers of src/ depend one way, as docs/architecture.md
# draws them (lpm < core < format < os < compat; tools/ use the public API
# only). The build enforces part of it (each layer is compiled with its own
# and lower layers' include directories: CMakeLists.txt); this test checks
# the rest from the sources and the objects:
#  - every quoted #include of src/ and tools/ resolves to a file of the same
#    layer or of one it may use, and never through "../";
#  - the layers above the core see only the core's outward headers
#    (model/, policy/policy.h, builder/builder_read.h, fib/table_edit.h for
#    the live handle, lpm/lpm.h for the page provider), never its insides;
#  - the pure layers (lpm, core, format) call no system call wrapper and
#    neither libmnl; only format calls json-c.
set -u
build=$1 src=$2
command -v python3 >/dev/null || { echo "skip: python3 missing"; exit 77; }
command -v nm >/dev/null || { echo "skip: nm missing"; exit 77; }
python3 - "$build" "$src" <<'EOF'
import os, re, subprocess, sys
build, src = sys.argv[1], sys.argv[2]
roots = {'lpm': 'src/core/lpm', 'core': 'src/core', 'format': 'src/format',
         'os': 'src/os/linux', 'compat': 'src/compat', 'tools': 'tools'}
uses = {'lpm': [], 'core': ['lpm'], 'format': ['core', 'lpm'],
        'os': ['format', 'core', 'lpm'], 'compat': ['core', 'lpm'], 'tools': []}
# what a layer above the core may include of it (paths under src/core)
outward = re.compile(r'^(model/[a-z_]+\.h|policy/policy\.h|builder/builder_read\.h|'
                     r'fib/table_edit\.h|lpm/lpm\.h)$')
outward_users = {'fib/table_edit.h': {'os'}, 'lpm/lpm.h': {'os'}}

def layer_of(rel):
    for name in ('lpm', 'core', 'format', 'os', 'compat', 'tools'):
        r = roots[name]
        if rel == r or rel.startswith(r + '/'):
            return name
    return None

fail = 0
def bad(msg):
    global fail
    print('FAIL: ' + msg)
    fail = 1

checked = 0
for top in ('src', 'tools'):
    for d, _, files in os.walk(os.path.join(src, top)):
        for f in sorted(files):
            if not f.endswith(('.c', '.h')):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, src)
            me = layer_of(rel)
            for n, line in enumerate(open(path, encoding='utf-8'), 1):
                m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                if not m:
                    continue
                inc = m.group(1)
                checked += 1
                where = f'{rel}:{n}: #include "{inc}"'
                if '..' in inc.split('/'):
                    bad(f'{where} climbs out with ../')
                    continue
                if inc.startswith('bestroute/'):
                    continue        # the public headers, for everyone
                cands = [os.path.dirname(rel)] + [roots[l] for l in [me] + uses[me]]
                target = None
                for c in cands:
                    if os.path.isfile(os.path.join(src, c, inc)):
                        target = os.path.normpath(os.path.join(c, inc))
                        break
                if target is None:
                    bad(f'{where} is no file of {me} or of a layer it may use')
                    continue
                tl = layer_of(target)
                if tl != me and tl not in uses[me]:
                    bad(f'{where} reaches {tl} ({target}), which {me} may not use')
                if tl == 'core' and me != 'core':
                    sub = os.path.relpath(target, 'src/core')
                    if not outward.match(sub):
                        bad(f'{where} reaches inside the core ({target})')
                    elif sub in outward_users and me not in outward_users[sub]:
                        bad(f'{where}: {sub} is for {sorted(outward_users[sub])} only')

# the pure layers' objects: no system calls, no libmnl; json-c only in format
syscalls = set('''open openat open64 close read write pread pwrite fopen fopen64 fdopen
fclose fread fwrite fgets getline stat fstat lstat stat64 fstat64 opendir readdir mmap
mmap64 munmap madvise mprotect socket bind connect send sendto sendmsg recv recvfrom
recvmsg setsockopt getsockopt ioctl fcntl poll select epoll_wait clock_gettime
gettimeofday time nanosleep usleep sleep getpid fork execve system popen sysconf
getenv'''.split())
objs = 0
for layer in ('lpm', 'core', 'format'):
    odir = os.path.join(build, 'CMakeFiles', f'brt_{layer}.dir')
    for d, _, files in os.walk(odir):
        for f in files:
            if not f.endswith('.o'):
                continue
            o = os.path.join(d, f)
            if not os.path.isfile(os.path.join(src, os.path.relpath(o, odir)[:-2])):
                continue        # left behind by a source that moved
            objs += 1
            out = subprocess.run(['nm', '-u', o], capture_output=True, text=True).stdout
            name = os.path.relpath(o, odir)[:-2]
            for s in out.split():
                if s == 'U':
                    continue
                s = s.split('@')[0]
                if s in syscalls:
                    bad(f'{name} ({layer}) calls {s}: the pure layers make no system call')
                if s.startswith('mnl_'):
                    bad(f'{name} ({layer}) calls libmnl ({s})')
                if s.startswith('json_') and layer != 'format':
                    bad(f'{name} ({layer}) calls json-c ({s})')
if objs == 0:
    bad(f'no objects of the pure layers under {build}/CMakeFiles')
if not fail:
    print(f'ok: {checked} includes follow the layers; {objs} objects of lpm, core '
          'and format make no system call')
sys.exit(fail)
EOF
